package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OP browser state of Session Management 1.0 §4.2: a random value in a cookie the check_session iframe's script
 * reads, so it is not HttpOnly. It carries no authority (the SSO cookie does); it only changes whenever this
 * browser signs in or out ({@link BrowserStateRenewal} renews it with every SSO cookie), so a session_state computed
 * over it stops matching. Signed out, it is a random value as well, never a constant a third party could compute a
 * session_state over. SameSite=Lax like the SSO cookie: the iframe reads it when the relying party's page is on the
 * same site as Tessera (docs/sessions.md); Secure and {@code __Host-} with an https issuer. It ends with the browser
 * session; an /authorize request without it sets a new one.
 */
@ApplicationScoped
public class BrowserState {
    static final String PLAIN_NAME = "tessera_bs";
    static final String HOST_NAME = "__Host-tessera_bs";
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Inject
    Issuer issuer;

    public String name() {
        return issuer.isHttps() ? HOST_NAME : PLAIN_NAME;
    }

    /** This browser's state as its cookie says, when it has a well-formed one. */
    public Optional<String> read(RequestContext request) {
        return request.cookie(name()).filter(v -> VALUE.matcher(v).matches());
    }

    /** A new browser state. */
    public static String fresh() {
        return Secrets.random(16);
    }

    /** The Set-Cookie header value for {@code value}. */
    public String header(String value) {
        return name() + "=" + value + "; Path=/; SameSite=Lax" + (issuer.isHttps() ? "; Secure" : "");
    }
}
