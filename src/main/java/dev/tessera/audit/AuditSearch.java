package dev.tessera.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trail, newest first, filtered and paged by sequence (a cursor, not an offset: a page costs the same
 * however deep it is, and rows appended meanwhile do not shift it). Every filter is an indexed column.
 */
@ApplicationScoped
public class AuditSearch {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    public List<AuditRecord> find(AuditFilter f) {
        return find(em, f);
    }

    /** The page on a given EntityManager. */
    public static List<AuditRecord> find(EntityManager em, AuditFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder();
        condition(where, params, "r.occurredAt >= :from", "from", f.from() == null ? null : f.from().toEpochMilli());
        condition(where, params, "r.occurredAt < :to", "to", f.to() == null ? null : f.to().toEpochMilli());
        condition(where, params, "r.actor = :actor", "actor", f.actor());
        condition(where, params, "r.subject = :subject", "subject", f.subject());
        condition(where, params, "r.clientId = :client", "client", f.clientId());
        condition(where, params, "r.type IN :types", "types", f.types() == null || f.types().isEmpty() ? null : f.types());
        condition(where, params, "r.seq < :before", "before", f.before());
        TypedQuery<AuditRecord> query = em.createQuery("SELECT r FROM AuditRecord r" + where + " ORDER BY r.seq DESC",
                AuditRecord.class).setMaxResults(f.limit());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String jpql, String name, Object value) {
        if (value != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(jpql);
            params.put(name, value);
        }
    }
}
