package dev.tessera.bench;

import java.util.List;
import java.util.function.IntFunction;

/** POST /token, grant_type=client_credentials, HTTP Basic; one JWT access token signed with {@code alg} per request. */
record ClientCredentialsScenario(String alg, List<String> authorities, String basicCredentials) implements Scenario {
    @Override
    public String name() {
        return "client_credentials " + alg;
    }

    @Override
    public String unit() {
        return "tokens";
    }

    @Override
    public IntFunction<LoadRun.Step> steps() {
        return i -> {
            byte[] request = LoadRun.tokenRequest(Scenario.authority(authorities, i), "/token", basicCredentials,
                    "grant_type=client_credentials");
            return c -> {
                c.exchange(request);
                return Scenario.expect200(c, ACCESS_TOKEN);
            };
        };
    }
}
