package dev.tessera.token.grant;

import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.config.Issuer;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.token.Audiences;
import dev.tessera.token.GrantFixtures;
import dev.tessera.token.GrantScopes;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.UserTokens;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shared parts of grant handler tests, wired by hand: scope and audience rules, the user-token
 * issuer over {@link GrantFixtures}, and a user directory in a map whose login answers a test scripts.
 */
final class Grants {
    static final String API = "https://api.example.com";

    final GrantFixtures tokens = new GrantFixtures();
    final FakeUsers users = new FakeUsers();
    final GrantScopes scopes = new GrantScopes();
    final Audiences audiences = new Audiences(new Issuer(GrantFixtures.ISSUER), new ResourceAlgorithms(Map.of()));
    final UserTokens userTokens = new UserTokens(tokens.accessTokens(), tokens.refreshTokens, tokens.idTokens, audiences);

    /** A confidential client with these grant types, scopes read/write/openid (default read) and API as resource. */
    static Client client(String clientId, String... grantTypes) {
        Client client = new Client(clientId, ClientAuthMethod.CLIENT_SECRET_BASIC, GrantFixtures.NOW.minusSeconds(86_400));
        client.grantTypes(Set.of(grantTypes));
        client.allowedScopes(new java.util.LinkedHashSet<>(List.of("openid", "read", "write")));
        client.defaultScopes(Set.of("read"));
        client.allowedResources(Set.of(API));
        return client;
    }

    static UserAccount user(String subject, String username, boolean enabled) {
        return new UserAccount(subject, username, enabled, Map.of("email", username + "@example.com"), List.of());
    }

    /** A token request from {@code client} with these form parameters (a list value repeats the parameter). */
    static TokenRequest request(Client client, Map<String, ?> form) {
        String body = form.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> list ? list : List.of(e.getValue()))
                .stream().map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v)))).collect(Collectors.joining("&"));
        return new TokenRequest(FormParameters.parse(body, Set.of(OAuthParameters.RESOURCE, OAuthParameters.AUDIENCE)),
                new AuthenticatedClient(client, client.authMethod()), FixedRequestContext.from("192.0.2.7"));
    }

    static Map<String, Object> form(Object... pairs) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Users in a map; authenticate answers what {@link #login} says and records who asked from where. */
    static final class FakeUsers implements UserDirectory {
        final Map<String, UserAccount> bySubject = new LinkedHashMap<>();
        final List<String> attempts = new ArrayList<>();
        Function<String, LoginResult> login = username -> new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS,
                "login.error.invalid", "unknown username");

        UserAccount add(UserAccount user) {
            bySubject.put(user.subject(), user);
            return user;
        }

        @Override
        public LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie) {
            attempts.add(username + "@" + clientAddress);
            return login.apply(username);
        }

        @Override
        public Optional<UserAccount> findBySubject(String subject) {
            return Optional.ofNullable(bySubject.get(subject));
        }

        Optional<UserAccount> findByUsername(String username) {
            return bySubject.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }
    }
}
