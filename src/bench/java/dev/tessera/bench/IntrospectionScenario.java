package dev.tessera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * POST to an introspection endpoint (RFC 7662) by a confidential client with HTTP Basic, for a live access token: the
 * server checks the client and the token and answers {@code "active":true} (searched for, not expected first: Keycloak
 * puts it elsewhere). The token is taken from {@code token} each time a load run starts: the suite gives a fixed one,
 * {@link PeersBench} fetches one afresh, as Keycloak's and node-oidc-provider's access tokens live 5 minutes, less than
 * a whole run. A run longer than a minute asks the source again every minute: the suite's source then gives a token
 * fetched within the last minute (a ten-minute mixed warm-up outlived a token fetched once and stopped at 1,000 errors).
 */
record IntrospectionScenario(List<String> authorities, String path, String basicCredentials, TokenSource token)
        implements Scenario {
    /** Where the live token comes from. */
    interface TokenSource {
        String get() throws IOException;
    }

    @Override
    public String name() {
        return "introspection";
    }

    @Override
    public String unit() {
        return "introspections";
    }

    @Override
    public IntFunction<LoadRun.Step> steps() {
        String first = fetch();
        return i -> new LoadRun.Step() {
            private String live = first;
            private long since = System.nanoTime();
            private LoadRun.Step inner = step(i, first);

            /** A run longer than a minute (a ten-minute mixed warm-up) asks the source again, which renews an old token. */
            @Override
            public String run(KeepAliveConnection c) throws IOException {
                long now = System.nanoTime();
                if (now - since > RENEW_NANOS) {
                    since = now;
                    String token = fetch();
                    if (!token.equals(live)) {
                        live = token;
                        inner = step(i, token);
                    }
                }
                return inner.run(c);
            }
        };
    }

    private static final long RENEW_NANOS = 60_000_000_000L;

    private String fetch() {
        try {
            return token.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LoadRun.Step step(int i, String live) {
        return FormPostScenario.introspection(Scenario.authority(authorities, i), path, basicCredentials, live).steps().apply(i);
    }
}
