package dev.tessera.keys;

import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readiness of the signing keys: every enabled algorithm has an active key, or no token of it can be signed. */
@ApplicationScoped
public class KeysReadiness implements ReadinessContributor {

    @Inject
    KeyRing ring;

    @Inject
    KeyRotationService rotation;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ReadinessPart assess() {
        Map<String, String> details = new LinkedHashMap<>();
        ring.loadFailure().ifPresent(f -> details.put("keys-error", f));
        ring.reloadedAt().ifPresent(at -> details.put("signing-keys-loaded", at.toString()));
        List<SigningAlgorithm> missing = rotation.enabledAlgorithms().stream().filter(alg -> ring.active(alg).isEmpty()).toList();
        if (missing.isEmpty()) {
            details.put("signing-keys", "active for " + rotation.enabledAlgorithms().size() + " algorithms");
            return new ReadinessPart(true, details);
        }
        details.put("signing-keys", "no active key for " + missing.stream().map(SigningAlgorithm::jwsName).toList());
        return new ReadinessPart(false, details);
    }
}
