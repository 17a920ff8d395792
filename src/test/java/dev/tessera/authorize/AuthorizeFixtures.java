package dev.tessera.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientDirectory;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Both phases of the authorization endpoint wired by hand over an in-memory client directory: {@code web}
 * (confidential, PKCE optional, code and hybrid), {@code strict} (confidential, require_pkce), {@code spa}
 * (public) and {@code legacy} (confidential, plain PKCE allowed). Requests are a code request by
 * {@code web} with state, nonce and an S256 challenge, changed by {@link #query(String...)}.
 */
final class AuthorizeFixtures {
    static final String CB = "https://rp.example.com/cb";
    static final String STATE = "st-123";
    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String API = "https://api.example.com";

    final Map<String, Client> clients = new HashMap<>();
    final ClientVerification verification = new ClientVerification();
    final AuthorizeChecks checks = new AuthorizeChecks();

    AuthorizeFixtures() {
        verification.directory = new ClientDirectory() {
            @Override
            public Optional<Client> find(String clientId) {
                return Optional.ofNullable(clients.get(clientId));
            }
        };
        client("web", ClientAuthMethod.CLIENT_SECRET_BASIC, c -> c.requirePkce(false));
        client("strict", ClientAuthMethod.CLIENT_SECRET_BASIC, c -> { });
        client("spa", ClientAuthMethod.NONE, c -> c.requirePkce(false));
        client("legacy", ClientAuthMethod.CLIENT_SECRET_BASIC, c -> { c.requirePkce(false); c.allowPlainPkce(true); });
    }

    Client client(String id, String method, Consumer<Client> tweak) {
        Client client = new Client(id, method, Instant.parse("2025-06-01T12:00:00Z"));
        client.responseTypes(Set.of("code", "code id_token", "id_token token"));
        client.redirectUris(Set.of(CB));
        client.allowedScopes(Set.of("openid", "profile", "email", "offline_access"));
        client.defaultScopes(Set.of("openid", "profile"));
        client.allowedResources(Set.of(API));
        tweak.accept(client);
        clients.put(id, client);
        return client;
    }

    /**
     * The standard request with changes: {@code "name=value"} replaces, {@code "+name=value"} adds another
     * value, {@code "-name"} removes. Values are given decoded.
     */
    static String query(String... changes) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String base : List.of("response_type=code", "client_id=web", "redirect_uri=" + CB, "scope=openid profile",
                "state=" + STATE, "nonce=n-1", "code_challenge=" + CHALLENGE, "code_challenge_method=S256")) {
            put(params, base, false);
        }
        for (String change : changes) {
            if (change.startsWith("-")) {
                params.remove(change.substring(1));
            } else {
                put(params, change.startsWith("+") ? change.substring(1) : change, change.startsWith("+"));
            }
        }
        return params.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    VerifiedClient verify(String query) {
        return verification.verify(FormParameters.parseAll(query));
    }

    AuthorizationRequest validate(String query) {
        FormParameters params = FormParameters.parseAll(query);
        return checks.validate(params, verification.verify(params));
    }

    /** Phase two refuses the request with {@code error}; the error goes to the client's redirect URI with the state. */
    AuthorizeException refused(String query, OAuthError error) {
        FormParameters params = FormParameters.parseAll(query);
        VerifiedClient verified = verification.verify(params);
        AuthorizeException e = catchThrowableOfType(AuthorizeException.class, () -> checks.validate(params, verified));
        assertThat(e).as("refused " + query).isNotNull();
        assertThat(e.error()).as(e.description()).isEqualTo(error);
        assertThat(e.target()).as("an error after phase one goes back to the client").isNotNull();
        assertThat(e.target().redirectUri()).isEqualTo(verified.redirectUri());
        if (!params.has("request")) {
            // A refused request object may supply the state the outer request lacks (AuthorizeChecksTest).
            assertThat(e.target().state()).isEqualTo(verified.target().state());
        }
        return e;
    }

    private static void put(Map<String, List<String>> params, String pair, boolean add) {
        int eq = pair.indexOf('=');
        List<String> values = add ? params.computeIfAbsent(pair.substring(0, eq), n -> new ArrayList<>()) : new ArrayList<>();
        values.add(pair.substring(eq + 1));
        params.put(pair.substring(0, eq), values);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
