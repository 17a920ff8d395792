package dev.tessera.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The whole authorization code flow per iteration ({@link SignInFlow}): authorize, login page, login
 * (Argon2id), consent, approval, code exchange with PKCE. Bound by the password hash.
 */
record AuthorizationCodeScenario(List<String> authorities, SignInFlow.Setup setup) implements Scenario {
    @Override
    public String name() {
        return "authorization code flow";
    }

    @Override
    public String unit() {
        return "sign-ins";
    }

    @Override
    public IntFunction<LoadRun.Step> steps() {
        return i -> {
            SignInFlow flow = new SignInFlow(setup.at(Scenario.authority(authorities, i)));
            return c -> {
                String answer = flow.run(c);
                return answer.contains("\"refresh_token\"") ? null : "no refresh token in " + LoadRun.abbreviate(answer);
            };
        };
    }
}
