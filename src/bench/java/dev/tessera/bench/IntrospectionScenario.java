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
 * a whole run.
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
        String live;
        try {
            live = token.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return i -> FormPostScenario.introspection(Scenario.authority(authorities, i), path, basicCredentials, live).steps()
                .apply(i);
    }
}
