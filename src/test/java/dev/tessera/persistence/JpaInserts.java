package dev.tessera.persistence;

import jakarta.persistence.EntityManager;

/** {@link FirstInsert} on a given EntityManager, for the database tests outside the container (no transaction of its own there). */
public final class JpaInserts {
    private JpaInserts() {
    }

    public static FirstInsert on(EntityManager em) {
        FirstInsert inserts = new FirstInsert();
        inserts.writer = new FirstInsert.Writer();
        inserts.writer.em = em;
        // The product the data source would report, told by the JDBC URL the test's factory was made with.
        String url = String.valueOf(em.getEntityManagerFactory().getProperties().get("jakarta.persistence.jdbc.url"));
        inserts.writer.product(url.startsWith("jdbc:postgresql") ? "PostgreSQL" : url.startsWith("jdbc:mariadb") ? "MariaDB" : "H2");
        return inserts;
    }
}
