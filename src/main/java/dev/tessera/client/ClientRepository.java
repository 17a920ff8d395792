package dev.tessera.client;

import dev.tessera.persistence.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** The only writer of the client table. */
@ApplicationScoped
public class ClientRepository {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    /** Empty for an id no client can have ({@link StorableText}): client_id reaches here from any caller. */
    public Optional<Client> find(String clientId) {
        if (!StorableText.storable(clientId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Client.class, clientId));
    }

    public Optional<Client> findByRegistrationTokenHash(String hash) {
        return em.createQuery("SELECT c FROM Client c WHERE c.registrationTokenHash = :h", Client.class)
                .setParameter("h", hash).getResultStream().findFirst();
    }

    public List<Client> list(int offset, int limit) {
        return em.createQuery("SELECT c FROM Client c ORDER BY c.clientId", Client.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Keyset paging by client_id (the primary key's index: a page costs the same however deep), optionally only
     * clients whose client_id or name starts with {@code prefix} (exact case; LIKE's wildcards escaped).
     */
    public List<Client> search(String prefix, String after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT c FROM Client c WHERE 1 = 1");
        boolean filtered = prefix != null && !prefix.isBlank() && StorableText.storable(prefix);
        if (filtered) {
            jpql.append(" AND (c.clientId LIKE :p ESCAPE '!' OR c.clientName LIKE :p ESCAPE '!')");
        }
        if (after != null && StorableText.storable(after)) {
            jpql.append(" AND c.clientId > :after");
        }
        TypedQuery<Client> query = em.createQuery(jpql.append(" ORDER BY c.clientId").toString(), Client.class).setMaxResults(limit);
        if (filtered) {
            query.setParameter("p", prefix.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (after != null && StorableText.storable(after)) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /** The clients whose secret is also kept encrypted (client_secret_jwt). */
    public List<Client> withEncryptedSecrets() {
        return em.createQuery("SELECT c FROM Client c WHERE c.encryptedSecret IS NOT NULL", Client.class).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Client c", Long.class).getSingleResult();
    }

    public void persist(Client client) {
        em.persist(client);
    }

    public Client merge(Client client) {
        return em.merge(client);
    }

    public void remove(String clientId) {
        find(clientId).ifPresent(em::remove);
    }
}
