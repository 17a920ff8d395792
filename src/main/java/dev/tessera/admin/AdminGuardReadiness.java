package dev.tessera.admin;

import dev.tessera.config.ConfigKeys;
import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/** Who verifies the admin API's bearer tokens in this deployment: reported, never a reason to be unready. */
@ApplicationScoped
public class AdminGuardReadiness implements ReadinessContributor {

    @Inject
    BeanManager beans;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public ReadinessPart assess() {
        if (!AdminAuthSwitch.mechanismInstalled(beans)) {
            return ReadinessPart.of(true, "admin-auth", "in-process (" + ConfigKeys.ADMIN_MP_JWT + "=false)");
        }
        return ReadinessPart.of(true, "admin-auth", AdminOnlyAuthentication.limitedToAdminApi()
                ? "MicroProfile JWT (Jakarta Security for /admin/api only)"
                : "MicroProfile JWT (Jakarta Security on every request)");
    }
}
