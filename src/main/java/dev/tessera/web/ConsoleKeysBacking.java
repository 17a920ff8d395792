package dev.tessera.web;

import dev.tessera.admin.AdminKeysResource;
import dev.tessera.config.KeySettings;
import dev.tessera.keys.KeyRing;
import dev.tessera.keys.KeyRotationService;
import dev.tessera.keys.KeyState;
import dev.tessera.keys.LoadedKey;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signing key ring in the console (the keys page, and its summary on the overview): every published key per
 * algorithm with its state, when the next key takes over, "rotate now" and "retire". Both changes are the admin API's
 * ({@code POST /admin/api/keys/{alg}/rotate}, {@code POST /admin/api/keys/{kid}/retire}: {@link KeyRotationService}),
 * audited as {@code key.rotated} and {@code key.retired} with the operator as actor.
 */
@Named("consoleKeys")
@RequestScoped
public class ConsoleKeysBacking {
    /** One signing key; {@code retirable} when it signs or is about to (retiring a retired key is the API's 409). */
    public record Key(String kid, String alg, String state, String activates, String retires, boolean retirable) {
    }

    /** One algorithm and when its next key takes over. */
    public record Next(String alg, String at) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    KeyRing ring;

    @Inject
    KeyRotationService rotation;

    @Inject
    KeySettings keySettings;

    public List<Key> getKeys() {
        Locales locales = console.locales();
        return ring.published().stream().sorted(Comparator.comparing((LoadedKey k) -> k.algorithm().jwsName())
                .thenComparing(k -> k.timeline().activatesAt())).map(k -> {
                    KeyState state = ring.stateOf(k);
                    return new Key(k.kid(), k.algorithm().jwsName(), state.name().toLowerCase(Locale.ROOT),
                            locales.dateTime(k.timeline().activatesAt()),
                            k.timeline().retiresAt() == null ? "" : locales.dateTime(k.timeline().retiresAt()),
                            state == KeyState.ACTIVE || state == KeyState.NEXT);
                }).toList();
    }

    /** Per algorithm, when the next key takes over: the published successor's start, else the active key's start plus the period. */
    public List<Next> getNextRotations() {
        Map<String, String> next = new TreeMap<>();
        for (SigningAlgorithm algorithm : rotation.enabledAlgorithms()) {
            ring.published().stream().filter(k -> k.algorithm() == algorithm && ring.stateOf(k) == KeyState.NEXT).findFirst()
                    .map(k -> k.timeline().activatesAt())
                    .or(() -> ring.active(algorithm).map(k -> k.timeline().activatesAt().plus(keySettings.rotationPeriod())))
                    .ifPresent(at -> next.put(algorithm.jwsName(), console.locales().dateTime(at)));
        }
        return next.entrySet().stream().map(e -> new Next(e.getKey(), e.getValue())).toList();
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

    public String retire(String kid) {
        console.change("console.keys.retired", () -> {
            AdminKeysResource.retire(rotation, kid, console.actor());
            return Boolean.TRUE;
        });
        return null;
    }
}
