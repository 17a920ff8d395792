package dev.tessera.audit;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Reading the chain back, in the caller's transaction: verification page by page, and retention, which cuts
 * the oldest rows while keeping the chain verifiable: the last deleted row's sequence and hash become the
 * anchor that the first remaining row must link to. Retention verifies what it deletes first, so it never
 * erases the evidence of a change.
 */
public final class ChainStore {
    private ChainStore() {
    }

    /** Verifies from the anchor to the head, {@code page} rows per query. */
    public static ChainVerification verify(EntityManager em, int page) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        em.refresh(head);
        ChainCheck check = new ChainCheck(head.anchorSeq(), head.anchorHash());
        long after = head.anchorSeq();
        List<AuditRecord> rows;
        do {
            rows = rowsAfter(em, after, head.lastSeq(), page);
            for (AuditRecord row : rows) {
                if (!check.accept(row)) {
                    return check.finish(head.anchorSeq(), head.lastSeq(), head.lastHash());
                }
                after = row.seq();
            }
            em.clear();
        } while (rows.size() == page);
        return check.finish(head.anchorSeq(), head.lastSeq(), head.lastHash());
    }

    /**
     * Deletes up to {@code limit} of the oldest rows that happened before {@code cutoff}, in sequence order
     * (a row stays while an older-numbered one is younger), and moves the anchor to the last one deleted.
     *
     * @return the rows deleted; 0 also when those rows do not verify (then nothing is deleted)
     */
    public static int trim(EntityManager em, Instant cutoff, int limit) {
        AuditChainHead head = ChainAppender.lockedHead(em);
        ChainCheck check = new ChainCheck(head.anchorSeq(), head.anchorHash());
        AuditRecord last = null;
        for (AuditRecord row : rowsAfter(em, head.anchorSeq(), head.lastSeq(), limit)) {
            if (!row.occurredAt().isBefore(cutoff)) {
                break;
            }
            if (!check.accept(row)) {
                throw new IllegalStateException("The audit chain is broken at row " + check.broken().seq() + " ("
                        + check.broken().reason() + "); retention deletes nothing");
            }
            last = row;
        }
        if (last == null) {
            return 0;
        }
        int deleted = em.createQuery("DELETE FROM AuditRecord r WHERE r.seq > :from AND r.seq <= :to")
                .setParameter("from", head.anchorSeq()).setParameter("to", last.seq()).executeUpdate();
        head.anchoredAt(last);
        return deleted;
    }

    private static List<AuditRecord> rowsAfter(EntityManager em, long after, long upTo, int page) {
        return em.createQuery("SELECT r FROM AuditRecord r WHERE r.seq > :after AND r.seq <= :upTo ORDER BY r.seq", AuditRecord.class)
                .setParameter("after", after).setParameter("upTo", upTo).setMaxResults(page).getResultList();
    }
}
