package dev.tessera.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A fresh database with the changelog applied through {@link SchemaMigrations#apply} (the code the server
 * runs at start-up), and EclipseLink in Java SE mode over it with the test-only unit in
 * {@code META-INF/persistence-test.xml}. A subclass per database runs its tests; the database or schema
 * has a unique name and is dropped afterwards, so reruns and parallel builds never collide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaContract {
    static final String PERSISTENCE_XML = "META-INF/persistence-test.xml";

    TestDatabase db;
    private EntityManagerFactory emf;

    abstract TestDatabase createDatabase() throws Exception;

    @BeforeAll
    void createAndMigrate() throws Exception {
        db = createDatabase();
        try (Connection connection = db.connect()) {
            SchemaMigrations.apply(connection);
        }
    }

    @AfterAll
    void drop() throws Exception {
        try {
            if (emf != null) {
                emf.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    EntityManagerFactory emf() {
        if (emf == null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("eclipselink.persistencexml", PERSISTENCE_XML);
            properties.put("jakarta.persistence.jdbc.driver", db.driver);
            properties.put("jakarta.persistence.jdbc.url", db.url);
            properties.put("jakarta.persistence.jdbc.user", db.user);
            properties.put("jakarta.persistence.jdbc.password", db.password);
            emf = Persistence.createEntityManagerFactory("tessera-test", properties);
        }
        return emf;
    }

    void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf().createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
