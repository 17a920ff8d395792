package dev.tessera.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row that exists only to be locked. Work that must run on one node at a time across a cluster
 * (creating or rotating signing keys) takes a pessimistic write lock on its row inside the
 * transaction, so the database, not any one JVM, serialises it. Rows are created by the changelog.
 */
@Entity
@Table(name = "tessera_lock")
public class NamedLock {
    public static final String SIGNING_KEYS = "signing-keys";
    public static final String BOOTSTRAP = "bootstrap";

    @Id
    @Column(name = "name", length = 64)
    private String name;

    protected NamedLock() {
    }

    public String name() {
        return name;
    }
}
