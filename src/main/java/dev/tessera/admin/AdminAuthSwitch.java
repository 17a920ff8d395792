package dev.tessera.admin;

import dev.tessera.config.ConfigKeys;
import dev.tessera.http.TesseraApplication;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Decides, when the application starts, who verifies the admin API's bearer tokens:
 * MicroProfile JWT ({@value ConfigKeys#ADMIN_MP_JWT}{@code =true}, the default) or Tessera itself.
 *
 * <p>Why a switch: with any authentication mechanism in the WAR, the container runs Jakarta Authentication
 * for every request of every endpoint. {@link AdminOnlyAuthentication} keeps Jakarta Security itself to
 * the admin API, but Payara's own plumbing and JACC check remain: a few per cent of an ES256 token's CPU
 * (docs/performance.md). Switched off, the container's MP-JWT is not installed ({@code @LoginConfig} is
 * taken off the application before MP-JWT looks for it, and {@link AdminApiAuthenticationMechanism} is not
 * a bean), so no mechanism exists and {@link AdminAuthFilter} verifies the token against the key ring.
 */
public class AdminAuthSwitch implements Extension {

    /** Whether MicroProfile JWT verifies the admin API's tokens in this deployment. */
    public static boolean mpJwtEnabled() {
        return ConfigProvider.getConfig().getOptionalValue(ConfigKeys.ADMIN_MP_JWT, Boolean.class).orElse(true);
    }

    /** True when a mechanism is really installed, whatever the setting says: readiness reports this. */
    public static boolean mechanismInstalled(BeanManager beans) {
        return !beans.getBeans(HttpAuthenticationMechanism.class).isEmpty();
    }

    void application(@Observes ProcessAnnotatedType<TesseraApplication> type) {
        if (!mpJwtEnabled()) {
            type.configureAnnotatedType().remove(a -> a.annotationType() == LoginConfig.class);
        }
    }

    void mechanism(@Observes ProcessAnnotatedType<AdminApiAuthenticationMechanism> type) {
        if (!mpJwtEnabled()) {
            type.veto();
        }
    }
}
