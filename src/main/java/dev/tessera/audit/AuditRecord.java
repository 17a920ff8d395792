package dev.tessera.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of the audit trail: an event as stored, with its place in the chain. Created only by
 * {@link ChainAppender}, never updated; its hash covers every other column ({@link AuditCanonical}).
 */
@Entity
@Table(name = "audit_event")
public class AuditRecord {
    static final int TEXT = 255;
    static final int ADDRESS = 64;

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private long occurredAt;

    @Column(name = "event_type", nullable = false, length = 64)
    private String type;

    @Column(name = "actor", nullable = false, length = TEXT)
    private String actor;

    @Column(name = "subject", length = TEXT)
    private String subject;

    @Column(name = "client_id", length = TEXT)
    private String clientId;

    @Column(name = "address", length = ADDRESS)
    private String address;

    @Lob
    @Column(name = "detail", nullable = false)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditRecord() {
    }

    /** The event at position {@code seq}, chained to {@code prevHash}; values too long for a column are cut. */
    AuditRecord(long seq, AuditEvent event, String prevHash) {
        this.seq = seq;
        this.occurredAt = event.at().toEpochMilli();
        this.type = event.type().wireName();
        this.actor = cut(event.actor(), TEXT);
        this.subject = cut(event.subject(), TEXT);
        this.clientId = cut(event.clientId(), TEXT);
        this.address = cut(event.address(), ADDRESS);
        this.detail = AuditCanonical.detail(event.detail());
        this.prevHash = prevHash;
        this.hash = AuditCanonical.hash(this);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return Instant.ofEpochMilli(occurredAt);
    }

    long occurredAtMillis() {
        return occurredAt;
    }

    public String type() {
        return type;
    }

    public String actor() {
        return actor;
    }

    public String subject() {
        return subject;
    }

    public String clientId() {
        return clientId;
    }

    public String address() {
        return address;
    }

    /** The canonical JSON object of the event's further facts. */
    public String detail() {
        return detail;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
