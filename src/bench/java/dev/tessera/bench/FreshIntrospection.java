package dev.tessera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.function.IntFunction;

/**
 * RFC 7662 introspection of a live access token, as {@link FormPostScenario#introspection}, with a token fetched
 * afresh (client_credentials, same client) each time a load run starts: Keycloak's and node-oidc-provider's access
 * tokens live 5 minutes, less than a whole {@link PeersBench} run.
 */
record FreshIntrospection(InetSocketAddress address, FormPostScenario tokenRequest, String introspectionPath)
        implements Scenario {
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
        try (KeepAliveConnection c = new KeepAliveConnection(address)) {
            String token = (String) AdminApi.json(tokenRequest.once(c)).get("access_token");
            FormPostScenario introspection = FormPostScenario.introspection(tokenRequest.authority(), introspectionPath,
                    tokenRequest.basicCredentials(), token);
            introspection.once(c);
            return introspection.steps();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
