package dev.tessera.client;

import dev.tessera.persistence.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
