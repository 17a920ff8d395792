package dev.tessera.session;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.Issuer;
import dev.tessera.config.KerberosSettings;
import dev.tessera.http.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "This browser signed out on purpose": a cookie every explicit sign-out sets (the logout endpoint and page, the
 * account page, "not you?" on the consent page) while Kerberos is configured. Without it, a person on a domain machine
 * who signs out is signed straight back in by their ticket at the next login page, and can never switch accounts.
 * While it lasts ({@code tessera.kerberos.pause-after-sign-out}), the login page sends no Negotiate challenge and
 * offers "Sign in with Windows" instead; a sign-in by password or that link clears it (docs/kerberos.md, "Signing out").
 * It holds no secret and proves nothing: whoever deletes it only gets the challenge back.
 */
@ApplicationScoped
public class SignedOutMark {
    static final String NAME = "tessera_signed_out";
    /** Path=/, as the SSO cookie: the logout endpoint (/logout) and the pages (/ui) set it, the login page reads it. */
    static final String PATH = "/";

    @Inject
    Issuer issuer;

    @Inject
    KerberosSettings kerberos;

    @Inject
    @ConfigProperty(name = ConfigKeys.KERBEROS_PAUSE_AFTER_SIGN_OUT)
    Duration pause;

    /** The Set-Cookie value of a sign-out, or empty when there is nothing to pause (Kerberos off, or a zero pause). */
    public Optional<String> setting() {
        return kerberos.enabled() && pause.toSeconds() > 0 ? Optional.of(header("1", pause)) : Optional.empty();
    }

    /** The Set-Cookie value that removes the mark. */
    public String clearing() {
        return header("", Duration.ZERO);
    }

    public boolean present(RequestContext request) {
        return request.cookie(name()).isPresent();
    }

    private String name() {
        return issuer.cookieName(NAME, PATH);
    }

    private String header(String value, Duration maxAge) {
        return name() + "=" + value + "; Path=" + PATH + "; HttpOnly; SameSite=Lax; Max-Age=" + maxAge.toSeconds()
                + (issuer.isHttps() ? "; Secure" : "");
    }
}
