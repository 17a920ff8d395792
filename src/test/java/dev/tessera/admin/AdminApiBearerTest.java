package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import dev.tessera.token.AccessTokenInspector;
import jakarta.security.enterprise.AuthenticationStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * The admin API's decision over what the inspector verified (AccessTokenInspectorTest proves the verification):
 * the audience, the scope, and RFC 6750 §3 refusals written in Tessera's shape.
 */
class AdminApiBearerTest {
    private static final String ISSUER = "https://sso.example.com";

    /** Tokens the inspector would find active, by value; anything else is inactive, as a forged or revoked one is. */
    private static final Map<String, JwtClaims> ACTIVE = Map.of(
            "admin-token", claims(List.of(ISSUER), "tessera:admin read"),
            "api-token", claims(List.of("https://api.example.com"), "tessera:admin"),
            "read-token", claims(List.of(ISSUER), "read"));

    private final AdminApiBearer bearer = new AdminApiBearer();
    private final GuardFakes.Response response = new GuardFakes.Response();
    private final GuardFakes.Context context = new GuardFakes.Context();

    AdminApiBearerTest() {
        bearer.issuer = new Issuer("https://sso.example.com");
        bearer.inspector = new AccessTokenInspector() {
            @Override
            public Optional<JwtClaims> verifiedJwt(String token) {
                return Optional.ofNullable(ACTIVE.get(token));
            }
        };
    }

    private static JwtClaims claims(List<String> audience, String scope) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("tessera-admin");
        claims.setAudience(audience);
        claims.setClaim("client_id", "tessera-admin");
        claims.setClaim("scope", scope);
        claims.setExpirationTime(NumericDate.fromSeconds(1_900_000_000L));
        claims.setJwtId("jti-1");
        return claims;
    }

    private AuthenticationStatus run(String authorization) throws Exception {
        return bearer.validateRequest(GuardFakes.request("", "/admin/api/clients", authorization), response.servlet(),
                context.message());
    }

    @Test
    void anActiveAdminTokenForThisServerIsTheCallerAsAJsonWebToken() throws Exception {
        assertThat(run("Bearer admin-token")).isEqualTo(AuthenticationStatus.SUCCESS);

        assertThat(context.caller).isInstanceOf(AdminCaller.class).isInstanceOf(JsonWebToken.class);
        JsonWebToken caller = (JsonWebToken) context.caller;
        assertThat(caller.getRawToken()).isEqualTo("admin-token");
        assertThat(caller.getName()).isEqualTo("tessera-admin");
        assertThat(response.headers).isEmpty();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void theSchemeNameIsCaseInsensitive() throws Exception {
        assertThat(run("bearer admin-token")).isEqualTo(AuthenticationStatus.SUCCESS);
    }

    @Test
    void noBearerTokenIsA401WhoseChallengeNamesTheRealmOnly() throws Exception {
        for (String authorization : new String[] {null, "Basic dGVzc2VyYS1hZG1pbjp4", "Bearer", ""}) {
            GuardFakes.Response fresh = new GuardFakes.Response();
            AuthenticationStatus status = bearer.validateRequest(GuardFakes.request("", "/admin/api/keys", authorization),
                    fresh.servlet(), context.message());

            assertThat(status).as(authorization).isEqualTo(AuthenticationStatus.SEND_FAILURE);
            assertThat(fresh.status).isEqualTo(401);
            assertThat(fresh.headers).containsEntry("WWW-Authenticate", "Bearer realm=\"tessera-admin\"");
            assertThat(fresh.body()).contains("\"error\":\"invalid_token\"");
        }
        assertThat(context.caller).isNull();
    }

    @Test
    void anInactiveTokenOrOneForAnotherAudienceIsA401InvalidToken() throws Exception {
        for (String token : new String[] {"forged.or.revoked", "api-token"}) {
            GuardFakes.Response fresh = new GuardFakes.Response();
            bearer.validateRequest(GuardFakes.request("", "/admin/api/keys", "Bearer " + token), fresh.servlet(), context.message());

            assertThat(fresh.status).as(token).isEqualTo(401);
            assertThat(fresh.headers).containsEntry("WWW-Authenticate", "Bearer realm=\"tessera-admin\", error=\"invalid_token\"")
                    .containsEntry("Cache-Control", "no-store").containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Referrer-Policy", "no-referrer");
            assertThat(fresh.headers.get("Content-Type")).startsWith("application/json");
            assertThat(fresh.body()).contains("\"error\":\"invalid_token\"", AdminApiBearer.NOT_ACTIVE);
        }
        assertThat(context.caller).isNull();
    }

    @Test
    void aTokenWithoutTheAdminScopeIsA403InsufficientScope() throws Exception {
        assertThat(run("Bearer read-token")).isEqualTo(AuthenticationStatus.SEND_FAILURE);

        assertThat(response.status).isEqualTo(403);
        assertThat(response.headers).containsEntry("WWW-Authenticate",
                "Bearer realm=\"tessera-admin\", error=\"insufficient_scope\", scope=\"tessera:admin\"");
        assertThat(response.body()).contains("\"error\":\"insufficient_scope\"");
        assertThat(context.caller).isNull();
    }
}
