package dev.tessera.session;

import dev.tessera.http.RequestContext;
import dev.tessera.http.WebOrigin;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The {@code session_state} of authorization responses (OpenID Connect Session Management 1.0 §3), computed as §4.2
 * suggests: {@code hex(SHA-256(client_id + " " + origin + " " + browser state + " " + salt)) + "." + salt}, with the
 * origin of the redirect URI the response goes to and a new random salt each time. The check_session iframe
 * recomputes it with the origin of the message it receives ({@code /static/check-session.js}), so a session_state
 * answers "unchanged" only to a page of the origin it was issued to, while this browser's state is unchanged.
 */
@ApplicationScoped
public class SessionStates {

    /** A session_state, and the Set-Cookie that gives the browser its state when it had none yet (else null). */
    public record Issued(String value, String setCookie) {
    }

    @Inject
    BrowserState browserState;

    /** The session_state for a response to {@code clientId} at {@code redirectUri}; empty for a URI without a web origin. */
    public Optional<Issued> issue(String clientId, String redirectUri, RequestContext http) {
        Optional<String> origin = WebOrigin.of(redirectUri);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> current = browserState.read(http);
        String state = current.orElseGet(BrowserState::fresh);
        return Optional.of(new Issued(compute(clientId, origin.get(), state, Secrets.random(16)),
                current.isPresent() ? null : browserState.header(state)));
    }

    /** §4.2's computation; the salt must not contain "." or a space. */
    public static String compute(String clientId, String origin, String browserState, String salt) {
        return Secrets.sha256Hex(clientId + " " + origin + " " + browserState + " " + salt) + "." + salt;
    }
}
