package dev.tessera.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * POST /introspect (RFC 7662) by a confidential client with HTTP Basic, for a live JWT access token: the
 * server checks the client, the token's signature and claims, and reads the revocation list in the
 * database.
 */
record IntrospectionScenario(List<String> authorities, String basicCredentials, String accessToken) implements Scenario {
    private static final byte[] ACTIVE = "{\"active\":true".getBytes(StandardCharsets.US_ASCII);

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
        return i -> {
            byte[] request = RawRequest.postForm(Scenario.authority(authorities, i), "/introspect",
                    RawRequest.basicHeader(basicCredentials), "token=" + RawRequest.encode(accessToken));
            return c -> {
                c.exchange(request);
                return Scenario.expect200(c, ACTIVE);
            };
        };
    }
}
