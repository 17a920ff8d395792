package dev.tessera.bench;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /token, grant_type=refresh_token. Every refresh rotates the token (single use), so each connection
 * keeps its own chain: its first iteration (in the warm-up) signs a user in to get one, then every
 * iteration redeems the last refresh token and keeps the new one. A failed refresh starts a new chain.
 * The same on every server of {@link PeersBench} (its token endpoint from {@link SignInFlow.Endpoints});
 * success is a 200 with an access token and a new refresh token, wherever the server puts them in its JSON.
 */
record RefreshScenario(List<String> authorities, SignInFlow.Setup setup) implements Scenario {
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");

    @Override
    public String name() {
        return "refresh_token";
    }

    @Override
    public String unit() {
        return "refreshes";
    }

    @Override
    public IntFunction<LoadRun.Step> steps() {
        return i -> new LoadRun.Step() {
            private final SignInFlow.Setup here = setup.at(Scenario.authority(authorities, i));
            private final SignInFlow signIn = new SignInFlow(here);
            private String refreshToken;

            @Override
            public String run(KeepAliveConnection c) throws IOException {
                if (refreshToken == null) {
                    refreshToken = refreshTokenIn(signIn.run(c));
                    return refreshToken == null ? "sign-in gave no refresh token" : null;
                }
                c.exchange(RawRequest.postForm(here.authority(), here.endpoints().tokenPath(),
                        RawRequest.basicHeader(here.basicCredentials()),
                        "grant_type=refresh_token&refresh_token=" + RawRequest.encode(refreshToken)));
                String body = c.body();
                refreshToken = c.status() == 200 && body.contains("\"access_token\":\"") ? refreshTokenIn(body) : null;
                return refreshToken != null ? null : "HTTP " + c.status() + ": " + LoadRun.abbreviate(body);
            }
        };
    }

    static String refreshTokenIn(String tokenResponse) {
        Matcher m = REFRESH_TOKEN.matcher(tokenResponse);
        return m.find() ? m.group(1) : null;
    }
}
