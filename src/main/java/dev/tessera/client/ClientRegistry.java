package dev.tessera.client;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.cluster.Invalidations;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Creating, changing and removing clients, for the admin API and dynamic registration alike. Each
 * change is one transaction and, once committed, drops the client from every node's {@link ClientDirectory} cache.
 */
@ApplicationScoped
public class ClientRegistry {

    @Inject
    ClientRepository repository;

    @Inject
    ClientMetadataPolicy policy;

    @Inject
    ClientSecrets secrets;

    @Inject
    ClientAuthentications methods;

    @Inject
    Invalidations invalidations;

    @Inject
    Clock clock;

    /** A client just created or given a new secret, with the clear secret to show once (null for none). */
    public record Registered(Client client, String secret) {
    }

    @Transactional
    public Registered create(ClientMetadata metadata, String requestedId) {
        String clientId = requestedId != null ? requestedId : Secrets.random(16);
        if (!clientId.matches("[A-Za-z0-9._~:-]{1,128}")) {
            throw ClientMetadataPolicy.invalid("client_id must be 1 to 128 characters of A-Z a-z 0-9 . _ ~ : -");
        }
        if (repository.find(clientId).isPresent()) {
            throw ClientMetadataPolicy.invalid("client_id already exists: " + clientId);
        }
        Client client = new Client(clientId, ClientAuthMethod.NONE, clock.instant());
        policy.apply(metadata, client);
        String secret = secrets.usesSecret(client) ? secrets.issue(client) : null;
        repository.persist(client);
        return new Registered(client, secret);
    }

    @Transactional
    public Client update(String clientId, ClientMetadata metadata) {
        return update(clientId, metadata, false).client();
    }

    /**
     * Replaces a client's metadata.
     *
     * @param issueMissingSecret when the new auth method needs a secret the client does not have, issue one
     *                           (returned in clear, once) instead of refusing. Dynamic clients need this: they
     *                           cannot rotate through the admin API, and RFC 7592 §3 lets an update response
     *                           carry a new client_secret.
     */
    @Transactional
    public Registered update(String clientId, ClientMetadata metadata, boolean issueMissingSecret) {
        Client client = existing(clientId);
        String before = client.authMethod();
        policy.apply(metadata, client);
        if (!secrets.usesSecret(client)) {
            // A secret left behind would come back to life if the client later switched back to it.
            client.secret(null, null, null);
        }
        String issued = null;
        boolean noSecret = secrets.usesSecret(client) && client.secretHash() == null;
        boolean noHmacKey = !before.equals(client.authMethod()) && methods.secretOf(client.authMethod()) == ClientSecretKind.RECOVERABLE
                && client.encryptedSecret() == null;
        if (noSecret || noHmacKey) {
            if (!issueMissingSecret) {
                throw ClientMetadataPolicy.invalid("switching to " + client.authMethod()
                        + " needs a new secret: rotate it after the change");
            }
            issued = secrets.issue(client);
        }
        client.touched(clock.instant());
        invalidations.afterCommit(CacheInvalidated.CLIENTS, clientId);
        return new Registered(client, issued);
    }

    @Transactional
    public Registered rotateSecret(String clientId) {
        Client client = existing(clientId);
        if (!secrets.usesSecret(client)) {
            throw ClientMetadataPolicy.invalid("client " + clientId + " does not authenticate with a secret");
        }
        String secret = secrets.issue(client);
        client.touched(clock.instant());
        invalidations.afterCommit(CacheInvalidated.CLIENTS, clientId);
        return new Registered(client, secret);
    }

    @Transactional
    public void delete(String clientId) {
        existing(clientId);
        repository.remove(clientId);
        invalidations.afterCommit(CacheInvalidated.CLIENTS, clientId);
    }

    public Optional<Client> find(String clientId) {
        return repository.find(clientId);
    }

    public List<Client> list(int offset, int limit) {
        return repository.list(offset, limit);
    }

    /** A page of clients whose client_id or name starts with {@code prefix}, by client_id after {@code after}. */
    public List<Client> search(String prefix, String after, int limit) {
        return repository.search(prefix, after, limit);
    }

    private Client existing(String clientId) {
        return repository.find(clientId).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No client " + clientId));
    }
}
