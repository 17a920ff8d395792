package dev.tessera.admin;

import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether Jakarta Authentication is confined to {@code /admin} in this deployment ({@link AuthenticationConfinement}):
 * reported, never a reason to be unready.
 */
@ApplicationScoped
public class AdminGuardReadiness implements ReadinessContributor {
    static final String KEY = "admin-auth";
    static final String CONFINED = "Tessera's mechanism (Jakarta Security for /admin only)";
    static final String NOT_CONFINED = "Tessera's mechanism (Jakarta Security not confined: no provider found at start-up)";

    @Override
    public int order() {
        return 50;
    }

    @Override
    public ReadinessPart assess() {
        return ReadinessPart.of(true, KEY, AuthenticationConfinement.confined() ? CONFINED : NOT_CONFINED);
    }
}
