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
import java.util.List;
import java.util.Objects;
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

    @Transactional
    public void applyScheduled() {
        locks.acquire(NamedLock.SIGNING_KEYS);
        KeyRotationPolicy policy = new KeyRotationPolicy(settings);
        for (SigningAlgorithm algorithm : enabledAlgorithms()) {
            List<SigningKey> keys = repository.findByAlgorithm(algorithm);
            apply(algorithm, keys, policy.plan(timelines(keys), clock.instant()));
        }
    }

    @Transactional
    public void applyImmediate(SigningAlgorithm algorithm) {
        locks.acquire(NamedLock.SIGNING_KEYS);
        List<SigningKey> keys = repository.findByAlgorithm(algorithm);
        apply(algorithm, keys, new KeyRotationPolicy(settings).planImmediate(timelines(keys), clock.instant()));
    }

    List<SigningAlgorithm> enabledAlgorithms() {
        return settings.algorithms().stream()
                .map(name -> SigningAlgorithm.fromJwsName(name).orElseThrow(() -> new IllegalArgumentException(
                        "tessera.keys.algorithms names an unknown algorithm: " + name)))
                .toList();
    }

    private void apply(SigningAlgorithm algorithm, List<SigningKey> keys, RotationPlan plan) {
        if (plan.isEmpty()) {
            return;
        }
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
        }
    }

    private static List<KeyTimeline> timelines(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::timeline).filter(Objects::nonNull).toList();
    }
}
