package dev.tessera.web;

import dev.tessera.config.KeySettings;
import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import dev.tessera.keys.KeyRing;
import dev.tessera.keys.KeyRotationService;
import dev.tessera.keys.KeyState;
import dev.tessera.keys.LoadedKey;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.metrics.Meters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's overview: this node's readiness, part by part, as {@code /health/ready} reports it (database, keys,
 * directory, crypto provider, admin guard); the signing keys per algorithm with their state and when the next one
 * takes over, and "rotate now" (the admin API's {@code KeyRotationService}, audited as {@code key.rotated}); and the
 * token and sign-in counters of this node's metrics registry since it started.
 */
@Named("consoleOverview")
@RequestScoped
public class ConsoleOverviewBacking {
    /** One fact of the readiness, or one counter. */
    public record Fact(String name, String value) {
    }

    /** One signing key. */
    public record Key(String kid, String alg, String state, String activates, String retires) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    Instance<ReadinessContributor> readiness;

    @Inject
    KeyRing ring;

    @Inject
    KeyRotationService rotation;

    @Inject
    KeySettings keySettings;

    @Inject
    Meters meters;

    public List<Fact> getReadiness() {
        return readiness.stream().sorted(Comparator.comparingInt(ReadinessContributor::order)).map(ReadinessContributor::assess)
                .flatMap(p -> p.details().entrySet().stream()).map(e -> new Fact(e.getKey(), e.getValue())).toList();
    }

    public boolean isReady() {
        return readiness.stream().map(ReadinessContributor::assess).allMatch(ReadinessPart::ready);
    }

    public List<Key> getKeys() {
        Locales locales = console.locales();
        return ring.published().stream().sorted(Comparator.comparing((LoadedKey k) -> k.algorithm().jwsName())
                .thenComparing(k -> k.timeline().activatesAt())).map(k -> new Key(k.kid(), k.algorithm().jwsName(),
                        ring.stateOf(k).name().toLowerCase(Locale.ROOT), locales.dateTime(k.timeline().activatesAt()),
                        k.timeline().retiresAt() == null ? "" : locales.dateTime(k.timeline().retiresAt()))).toList();
    }

    /** Per algorithm, when the next key takes over: the published successor's start, else the active key's start plus the period. */
    public List<Fact> getNextRotations() {
        Map<String, String> next = new TreeMap<>();
        for (SigningAlgorithm algorithm : rotation.enabledAlgorithms()) {
            ring.published().stream().filter(k -> k.algorithm() == algorithm && ring.stateOf(k) == KeyState.NEXT).findFirst()
                    .map(k -> k.timeline().activatesAt())
                    .or(() -> ring.active(algorithm).map(k -> k.timeline().activatesAt().plus(keySettings.rotationPeriod())))
                    .ifPresent(at -> next.put(algorithm.jwsName(), console.locales().dateTime(at)));
        }
        return next.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    }

    /** Token requests (issued, error) and sign-ins by outcome, on this node since it started. */
    public List<Fact> getCounters() {
        Map<String, Double> sums = new TreeMap<>();
        sum(sums, "tessera.token.requests", "outcome", "tokens ");
        sum(sums, "tessera.sign.ins", "outcome", "sign-ins ");
        return sums.entrySet().stream().map(e -> new Fact(e.getKey(), String.valueOf(Math.round(e.getValue())))).toList();
    }

    private void sum(Map<String, Double> sums, String meter, String tag, String prefix) {
        for (Counter counter : meters.registry().find(meter).counters()) {
            sums.merge(prefix + counter.getId().getTag(tag), counter.count(), Double::sum);
        }
    }

    public List<String> getAlgorithms() {
        return rotation.enabledAlgorithms().stream().map(SigningAlgorithm::jwsName).sorted().toList();
    }

    public String rotate(String alg) {
        console.change("console.keys.rotated", () -> {
            SigningAlgorithm algorithm = SigningAlgorithm.fromJwsName(alg).filter(a -> rotation.enabledAlgorithms().contains(a))
                    .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, "No enabled signing algorithm " + alg));
            rotation.rotateNow(algorithm, console.actor());
            return algorithm;
        });
        return null;
    }
}
