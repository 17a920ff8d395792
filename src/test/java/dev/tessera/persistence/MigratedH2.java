package dev.tessera.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory H2 database migrated by the real Liquibase changelog, with the test persistence unit on it
 * (EclipseLink, as Payara runs it), for unit tests of stores outside the container. The kept connection holds the
 * database open until {@link #close}.
 */
public final class MigratedH2 implements AutoCloseable {
    private final Connection keepAlive;
    private final EntityManagerFactory emf;

    public MigratedH2(String name) throws Exception {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        SchemaMigrations.apply(keepAlive);
        emf = Persistence.createEntityManagerFactory("tessera-test", Map.of("eclipselink.persistencexml", SchemaContract.PERSISTENCE_XML,
                "jakarta.persistence.jdbc.driver", "org.h2.Driver", "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", ""));
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** The kept connection, for tests that read the rows themselves. */
    public Connection connection() {
        return keepAlive;
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        keepAlive.close();
    }
}
