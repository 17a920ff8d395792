package dev.tessera.bench;

import java.util.function.IntFunction;

/**
 * One form POST with HTTP Basic client authentication, the same request on every iteration, to any server's
 * endpoint: what {@link PeersBench} sends to Tessera, Keycloak and node-oidc-provider alike (their token and
 * introspection endpoints have different paths, and Keycloak does not put "active" first in its introspection
 * answer, hence a search rather than a prefix). Success is a 200 whose body contains {@code expect}.
 */
record FormPostScenario(String name, String unit, String authority, String path, String basicCredentials, String form,
        String expect) implements Scenario {

    /** client_credentials at this token endpoint. */
    static FormPostScenario clientCredentials(String name, String authority, String tokenPath, String basic) {
        return new FormPostScenario(name, "tokens", authority, tokenPath, basic, "grant_type=client_credentials",
                "\"access_token\":\"");
    }

    /** RFC 7662 introspection of a live token, answered active. */
    static FormPostScenario introspection(String authority, String path, String basic, String token) {
        return new FormPostScenario("introspection", "introspections", authority, path, basic,
                "token=" + RawRequest.encode(token), "\"active\":true");
    }

    @Override
    public IntFunction<LoadRun.Step> steps() {
        byte[] request = RawRequest.postForm(authority, path, RawRequest.basicHeader(basicCredentials), form);
        return i -> c -> {
            c.exchange(request);
            return c.status() == 200 && c.body().contains(expect) ? null
                    : "HTTP " + c.status() + ": " + LoadRun.abbreviate(c.body());
        };
    }

    /** One request now, for set-up: the response body, or an exception naming what came back instead. */
    String once(KeepAliveConnection c) throws java.io.IOException {
        String failure = steps().apply(0).run(c);
        if (failure != null) {
            throw new IllegalStateException(name + " at " + authority + path + " failed: " + failure);
        }
        return c.body();
    }
}
