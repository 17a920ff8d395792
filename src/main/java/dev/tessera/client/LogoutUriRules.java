package dev.tessera.client;

import dev.tessera.http.WebOrigin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Where a client may ask to be told of a logout. OpenID Connect Back-Channel Logout 1.0 §2.2: the
 * {@code backchannel_logout_uri} "MUST be an absolute URI" and "MUST NOT include a fragment component". Tessera
 * posts to it from the server, so it must be https (RFC 9700 §2.6 spirit, and the registration rules of
 * {@code jwks_uri}); the one exception is plain http on a loopback IP literal, for an application an
 * administrator registers on the same machine (development, tests). Dynamic registration refuses even that
 * (server-side request forgery: an anonymous registrant must not make Tessera post to its own host).
 * Front-Channel Logout 1.0 §2 asks the same of {@code frontchannel_logout_uri} (absolute, no fragment, https unless
 * the OP allows http), and more: "The domain, port, and scheme of this URL MUST be the same as that of a registered
 * Redirection URI value", which also keeps the logout page from framing an origin the client does not own.
 */
public final class LogoutUriRules {
    static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]");

    private LogoutUriRules() {
    }

    /** Why {@code uri} cannot be a logout URI, or empty when it can. */
    public static Optional<String> refusal(String field, String uri) {
        return refusal(field, uri, "Back-Channel Logout 1.0 §2.2");
    }

    /** Why {@code uri} cannot be the front-channel logout URI of a client with {@code redirectUris}, or empty. */
    public static Optional<String> frontchannelRefusal(String field, String uri, Collection<String> redirectUris) {
        Optional<String> refusal = refusal(field, uri, "Front-Channel Logout 1.0 §2");
        if (refusal.isPresent()) {
            return refusal;
        }
        if (redirectUris.stream().noneMatch(redirect -> sameOrigin(uri, redirect))) {
            return Optional.of(field + " must have the scheme, host and port of a registered redirect URI (Front-Channel Logout 1.0 §2)");
        }
        return Optional.empty();
    }

    /** Same web origin; a loopback http redirect URI matches on any port, as at the authorization endpoint (RFC 8252 §7.3). */
    private static boolean sameOrigin(String uri, String redirect) {
        Optional<String> origin = WebOrigin.of(uri);
        if (origin.isPresent() && origin.equals(WebOrigin.of(redirect))) {
            return true;
        }
        URI a = URI.create(uri);
        URI b;
        try {
            b = new URI(redirect);
        } catch (URISyntaxException e) {
            return false;
        }
        return isLoopbackHttp(a) && isLoopbackHttp(b) && a.getHost().equals(b.getHost());
    }

    private static Optional<String> refusal(String field, String uri, String section) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of(field + " is not a valid URI");
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null) {
            return Optional.of(field + " must be an absolute URI (" + section + ")");
        }
        if (parsed.getRawFragment() != null) {
            return Optional.of(field + " must not include a fragment (" + section + ")");
        }
        if (!"https".equals(parsed.getScheme()) && !isLoopbackHttp(parsed)) {
            return Optional.of(field + " must be an https URL, or http on 127.0.0.1 or [::1]");
        }
        return Optional.empty();
    }

    /** Plain http on a loopback IP literal: allowed only for clients an administrator registers. */
    public static boolean isLoopbackHttp(URI uri) {
        return "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost());
    }
}
