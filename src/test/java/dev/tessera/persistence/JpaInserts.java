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
        return inserts;
    }
}
