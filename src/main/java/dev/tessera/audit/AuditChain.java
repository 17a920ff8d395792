package dev.tessera.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The chain in the server: each operation is one short transaction of its own, never the caller's. */
@ApplicationScoped
public class AuditChain {
    static final int VERIFY_PAGE = 1000;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<AuditRecord> append(List<AuditEvent> events) {
        return ChainAppender.append(em, events);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChainVerification verify() {
        return ChainStore.verify(em, VERIFY_PAGE);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int trim(Instant cutoff, int limit) {
        return ChainStore.trim(em, cutoff, limit);
    }
}
