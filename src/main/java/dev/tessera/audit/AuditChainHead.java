package dev.tessera.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The chain's one head row. Every append takes its row lock first, so appends from every node are
 * serialised by the database and the chain never forks; retention moves the anchor under the same lock.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {
    static final int ID = 1;
    /** The previous hash of the first row ever written. */
    static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(name = "anchor_seq", nullable = false)
    private long anchorSeq;

    @Column(name = "anchor_hash", nullable = false, length = 64)
    private String anchorHash;

    protected AuditChainHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    long anchorSeq() {
        return anchorSeq;
    }

    String anchorHash() {
        return anchorHash;
    }

    void appended(AuditRecord record) {
        lastSeq = record.seq();
        lastHash = record.hash();
    }

    void anchoredAt(AuditRecord lastDeleted) {
        anchorSeq = lastDeleted.seq();
        anchorHash = lastDeleted.hash();
    }
}
