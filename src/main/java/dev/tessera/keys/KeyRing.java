package dev.tessera.keys;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.config.KeySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The signing keys held in memory, decrypted once and reloaded from the database by the rotation job,
 * and on every node when a rotation anywhere commits ({@link CacheInvalidated#KEYS}). Signing never
 * touches the database: which key signs is decided from the loaded timelines and the clock, the same
 * way on every node.
 */
@ApplicationScoped
public class KeyRing {
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    @Inject
    KeyRepository repository;

    @Inject
    KeyEncryptor encryptor;

    @Inject
    KeySettings settings;

    @Inject
    Clock clock;

    private volatile Map<String, LoadedKey> keys = Map.of();
    private volatile String loadFailure;
    private volatile Instant reloadedAt;
    private volatile boolean stale;
    private final Map<SigningAlgorithm, ActiveChoice> activeChoices = new ConcurrentHashMap<>();

    /**
     * Which key signs for one algorithm, decided at {@code since} from the key set {@code from}: it holds
     * until {@code until}, the next instant a key of that algorithm activates or retires, or until the
     * keys are reloaded. Every token asks, so the answer is not worked out again for each one.
     */
    private record ActiveChoice(Map<String, LoadedKey> from, Instant since, Instant until, Optional<LoadedKey> key) {
        boolean holds(Map<String, LoadedKey> current, Instant now) {
            return from == current && !now.isBefore(since) && now.isBefore(until);
        }
    }

    /**
     * Re-reads the keys; a key already decrypted is reused, only its timeline is refreshed. One at a time, so a
     * slower reload that read the table earlier never replaces what a later one loaded.
     */
    public synchronized void reload() {
        Map<String, LoadedKey> previous = keys;
        Map<String, LoadedKey> loaded = new HashMap<>();
        String failure = null;
        for (SigningKey stored : repository.findAll()) {
            KeyTimeline timeline = stored.timeline();
            if (timeline == null) {
                continue;
            }
            LoadedKey known = previous.get(stored.kid());
            try {
                PublicJsonWebKey jwk = known != null ? known.jwk() : decrypt(stored);
                loaded.put(stored.kid(), new LoadedKey(timeline, jwk));
            } catch (KeyDecryptionException | JoseException e) {
                failure = e.getMessage();
                LOG.log(Level.SEVERE, e.getMessage());
            }
        }
        keys = Map.copyOf(loaded);
        loadFailure = failure;
        reloadedAt = clock.instant();
    }

    /** When the keys were last read from the database: readiness shows it, so a stuck reload job is visible. */
    public Optional<Instant> reloadedAt() {
        return Optional.ofNullable(reloadedAt);
    }

    /**
     * Only marks the ring stale: the next reader reloads it. This observer runs inside the committing
     * transaction's {@code afterCompletion} on the node that rotated (the key job's thread of Payara's managed
     * scheduled executor): a database read there uses a persistence context whose transaction has ended
     * ("EntityManager is closed") and leaves the thread's invocation stack unbalanced, which Payara reports when
     * the task ends (issue 25 point 4). The writer and the rotation job reload right after anyway.
     */
    void invalidated(@Observes CacheInvalidated change) {
        if (CacheInvalidated.KEYS.equals(change.cache())) {
            stale = true;
        }
    }

    /** The loaded keys, reloaded first when an invalidation marked them stale. */
    private Map<String, LoadedKey> current() {
        if (stale) {
            stale = false;
            reload();
        }
        return keys;
    }

    private PublicJsonWebKey decrypt(SigningKey stored) throws JoseException {
        String json = encryptor.decrypt(stored.kid(), stored.encryptedPrivateJwk());
        return (PublicJsonWebKey) JsonWebKey.Factory.newJwk(json);
    }

    /** The key that signs now for this algorithm. */
    public Optional<LoadedKey> active(SigningAlgorithm algorithm) {
        Instant now = clock.instant();
        Map<String, LoadedKey> current = current();
        ActiveChoice choice = activeChoices.get(algorithm);
        if (choice == null || !choice.holds(current, now)) {
            choice = choose(current, algorithm, now);
            activeChoices.put(algorithm, choice);
        }
        return choice.key();
    }

    private ActiveChoice choose(Map<String, LoadedKey> current, SigningAlgorithm algorithm, Instant now) {
        List<KeyTimeline> timelines = current.values().stream()
                .filter(k -> k.algorithm() == algorithm).map(LoadedKey::timeline).toList();
        Instant until = Instant.MAX;
        for (KeyTimeline t : timelines) {
            for (Instant boundary : new Instant[] {t.activatesAt(), t.retiresAt()}) {
                if (boundary != null && boundary.isAfter(now) && boundary.isBefore(until)) {
                    until = boundary;
                }
            }
        }
        Optional<LoadedKey> key = new KeyRotationPolicy(settings).active(timelines, now).map(t -> current.get(t.kid()));
        return new ActiveChoice(current, now, until, key);
    }

    /** Keys a verifier may meet now: next, active and retired ones, oldest activation first. */
    public List<LoadedKey> published() {
        Instant now = clock.instant();
        return current().values().stream()
                .filter(k -> k.timeline().stateAt(now, settings.retention()).published())
                // Ties (keys of several algorithms made together) broken by kid, so every node publishes one order.
                .sorted(Comparator.comparing((LoadedKey k) -> k.timeline().activatesAt()).thenComparing(LoadedKey::kid))
                .toList();
    }

    /** The JWK Set (RFC 7517 §5) of the published keys, public parts only: what {@code /jwks} serves. */
    public String publishedJwks() {
        List<JsonWebKey> jwks = published().stream().map(k -> (JsonWebKey) k.jwk()).toList();
        return new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public Optional<LoadedKey> byKid(String kid) {
        return Optional.ofNullable(current().get(kid));
    }

    public KeyState stateOf(LoadedKey key) {
        return key.timeline().stateAt(clock.instant(), settings.retention());
    }

    /**
     * Verifies JWS signatures with this server's own published keys only: the key is found by kid and
     * must be used with its own algorithm, so an RSA key can never be taken as an HMAC secret and a key
     * past its retention verifies nothing. For tokens Tessera issued itself (access tokens, ID tokens).
     */
    public VerificationKeyResolver verificationKeys() {
        return (jws, nested) -> {
            Optional<LoadedKey> key = byKid(jws.getKeyIdHeaderValue());
            if (key.isEmpty() || !key.get().algorithm().jwsName().equals(jws.getAlgorithmHeaderValue())
                    || !stateOf(key.get()).published()) {
                throw new UnresolvableKeyException("Not signed by a published Tessera key");
            }
            return key.get().jwk().getPublicKey();
        };
    }

    /** Why the last reload could not decrypt a key, if it could not. */
    public Optional<String> loadFailure() {
        return Optional.ofNullable(loadFailure);
    }
}
