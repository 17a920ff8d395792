package dev.tessera.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a batch to the chain in the caller's transaction: the head row's write lock first (SELECT ... FOR
 * UPDATE on H2, PostgreSQL and MariaDB alike), so a writer on another node waits until this batch commits and
 * then continues from its last row. One short transaction per batch keeps that wait short.
 */
public final class ChainAppender {
    private ChainAppender() {
    }

    /** The stored rows, in order. The caller commits. */
    public static List<AuditRecord> append(EntityManager em, List<AuditEvent> events) {
        AuditChainHead head = lockedHead(em);
        List<AuditRecord> rows = new ArrayList<>(events.size());
        long seq = head.lastSeq();
        String prev = head.lastHash();
        for (AuditEvent event : events) {
            AuditRecord row = new AuditRecord(++seq, event, prev);
            em.persist(row);
            rows.add(row);
            prev = row.hash();
        }
        if (!rows.isEmpty()) {
            head.appended(rows.get(rows.size() - 1));
        }
        return rows;
    }

    static AuditChainHead lockedHead(EntityManager em) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("No row in audit_chain_head; is the schema migrated?");
        }
        return head;
    }
}
