package dev.tessera.client;

import dev.tessera.http.BrowserOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The web origins of all registered https and loopback redirect URIs: the only origins a browser-based
 * client can call the token, revocation and userinfo endpoints from. Recomputed at most once a minute.
 */
@ApplicationScoped
public class ClientOrigins implements BrowserOrigins {
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final int PAGE = 500;

    @Inject
    ClientRepository repository;

    @Inject
    Clock clock;

    private volatile Set<String> origins = Set.of();
    private volatile Instant computedAt = Instant.EPOCH;

    @Override
    public boolean isRegistered(String origin) {
        Instant now = clock.instant();
        if (computedAt.plus(REFRESH).isBefore(now)) {
            origins = compute();
            computedAt = now;
        }
        return origins.contains(origin);
    }

    private Set<String> compute() {
        Set<String> all = new HashSet<>();
        for (int offset = 0; ; offset += PAGE) {
            var page = repository.list(offset, PAGE);
            page.stream().filter(Client::enabled).flatMap(c -> c.redirectUris().stream()).map(ClientOrigins::originOf)
                    .filter(o -> o != null).forEach(all::add);
            if (page.size() < PAGE) {
                return Set.copyOf(all);
            }
        }
    }

    /** scheme://host[:port] of an http(s) URI; null for private-use schemes, which have no web origin. */
    static String originOf(String uri) {
        try {
            URI u = new URI(uri);
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                return null;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
