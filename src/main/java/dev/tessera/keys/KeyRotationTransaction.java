package dev.tessera.keys;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.cluster.Invalidations;
import dev.tessera.config.KeySettings;
import dev.tessera.persistence.ClusterLocks;
import dev.tessera.persistence.NamedLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies rotation plans to the database under the cluster-wide signing-keys lock, so two nodes
 * starting together create one key per algorithm, not two. A change, once committed, makes every node
 * reload its {@link KeyRing}.
 */
@ApplicationScoped
class KeyRotationTransaction {
    private static final Logger LOG = Logger.getLogger(KeyRotationTransaction.class.getName());

    @Inject
    KeyRepository repository;

    @Inject
    ClusterLocks locks;

    @Inject
    KeySettings settings;

    @Inject
    KeyEncryptor encryptor;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    /** Applies the policy to every enabled algorithm; returns what changed, one entry per algorithm that did. */
    @Transactional
    public List<Map<String, String>> applyScheduled() {
        locks.acquire(NamedLock.SIGNING_KEYS);
        KeyRotationPolicy policy = new KeyRotationPolicy(settings);
        List<Map<String, String>> changes = new ArrayList<>();
        for (SigningAlgorithm algorithm : enabledAlgorithms()) {
            List<SigningKey> keys = repository.findByAlgorithm(algorithm);
            apply(algorithm, keys, policy.plan(timelines(keys), clock.instant())).ifPresent(changes::add);
        }
        return changes;
    }

    @Transactional
    public Optional<Map<String, String>> applyImmediate(SigningAlgorithm algorithm) {
        locks.acquire(NamedLock.SIGNING_KEYS);
        List<SigningKey> keys = repository.findByAlgorithm(algorithm);
        return apply(algorithm, keys, new KeyRotationPolicy(settings).planImmediate(timelines(keys), clock.instant()));
    }

    /**
     * Retires one key now: an active key stops signing (and stays published for the retention, so the tokens it
     * signed still verify), a successor that never signed is removed at once (no token can carry it). The schedule's
     * plan then runs on what is left, so the algorithm always has a signing key and a successor on time.
     *
     * @return what changed (alg, retired, created, removed); empty when the key does not exist
     * @throws IllegalStateException when the key is already retired (or past its retention)
     */
    @Transactional
    public Optional<Map<String, String>> applyRetire(String kid) {
        locks.acquire(NamedLock.SIGNING_KEYS);
        SigningKey key = repository.find(kid);
        if (key == null || key.timeline() == null) {
            return Optional.empty();
        }
        SigningAlgorithm algorithm = key.algorithm().orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        KeyRotationPolicy policy = new KeyRotationPolicy(settings);
        KeyState state = policy.state(key.timeline(), now);
        if (state == KeyState.ACTIVE) {
            key.retireAt(now);
        } else if (state == KeyState.NEXT) {
            repository.remove(key);
        } else {
            throw new IllegalStateException("Key " + kid + " is already retired");
        }
        invalidations.afterCommit(CacheInvalidated.KEYS, algorithm.jwsName());
        List<SigningKey> left = repository.findByAlgorithm(algorithm).stream().filter(k -> !k.kid().equals(kid) || state == KeyState.ACTIVE)
                .toList();
        if (state == KeyState.NEXT) {
            // The key it was to hand over to is gone: the schedule plans a new successor from a clean slate.
            left.stream().filter(k -> key.activatesAt().equals(k.retiresAt())).forEach(k -> k.retireAt(null));
        }
        Map<String, String> change = new HashMap<>(Map.of("alg", algorithm.jwsName(), "retired", kid, "created", "", "removed", ""));
        apply(algorithm, left, policy.plan(timelines(left), now)).ifPresent(c -> {
            change.put("created", c.get("created"));
            change.put("removed", c.get("removed"));
        });
        return Optional.of(Map.copyOf(change));
    }

    List<SigningAlgorithm> enabledAlgorithms() {
        return settings.algorithms().stream()
                .map(name -> SigningAlgorithm.fromJwsName(name).orElseThrow(() -> new IllegalArgumentException(
                        "tessera.keys.algorithms names an unknown algorithm: " + name)))
                .toList();
    }

    /** The plan carried out; what it did as audit detail (alg, and the kids created, retired, removed). */
    private Optional<Map<String, String>> apply(SigningAlgorithm algorithm, List<SigningKey> keys, RotationPlan plan) {
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<String> createdKids = new ArrayList<>();
        invalidations.afterCommit(CacheInvalidated.KEYS, algorithm.jwsName());
        Instant now = clock.instant();
        KeyFactory factory = new KeyFactory(settings, encryptor);
        for (SigningKey key : keys) {
            if (plan.remove().contains(key.kid())) {
                repository.remove(key);
                LOG.info(() -> "Removed signing key " + key.kid());
            } else if (plan.retire().containsKey(key.kid())) {
                key.retireAt(plan.retire().get(key.kid()));
            }
        }
        for (Instant activation : plan.create()) {
            SigningKey created = factory.create(algorithm, activation, now);
            repository.persist(created);
            LOG.info(() -> "Created " + algorithm.jwsName() + " signing key " + created.kid() + " activating at " + activation);
            createdKids.add(created.kid());
        }
        return Optional.of(Map.of("alg", algorithm.jwsName(), "created", String.join(" ", createdKids),
                "retired", String.join(" ", plan.retire().keySet()), "removed", String.join(" ", plan.remove())));
    }

    private static List<KeyTimeline> timelines(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::timeline).filter(Objects::nonNull).toList();
    }
}
