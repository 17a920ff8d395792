package dev.tessera.session;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a logout may send the browser afterwards: only a {@code post_logout_redirect_uri} the client
 * registered, compared exactly (OpenID Connect RP-Initiated Logout 1.0 §3: it "MUST have been previously
 * registered"), so logout can never be an open redirector (RFC 9700 §4.11).
 */
@ApplicationScoped
public class LogoutTargets {

    @Inject
    ClientDirectory clients;

    /** @return the URI when {@code clientId} registered it exactly; empty otherwise */
    public Optional<String> verified(String clientId, String uri) {
        if (clientId == null || uri == null) {
            return Optional.empty();
        }
        return clients.find(clientId).filter(Client::enabled)
                .filter(c -> c.postLogoutRedirectUris().contains(uri)).map(c -> uri);
    }

    /** The redirect with {@code state} appended when given. */
    public static String withState(String uri, String state) {
        if (state == null) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }
}
