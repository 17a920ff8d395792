package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Machine-to-machine as a real client library does it: the Nimbus SDK authenticates with every method,
 * gets client_credentials tokens, introspects and revokes them, and validates JWT access tokens against
 * the published JWKS as a resource server would (RFC 9068).
 */
@ExtendWith(ArquillianExtension.class)
class ClientCredentialsIT {
    static final String API = "https://api.example.com";
    static final URI TOKEN = URI.create(TesseraDeployment.issuer() + "/token");
    static final URI INTROSPECT = URI.create(TesseraDeployment.issuer() + "/introspect");
    static final URI REVOKE = URI.create(TesseraDeployment.issuer() + "/revoke");

    static RSAKey clientKey;
    static JsonObject basic;
    static JsonObject post;
    static JsonObject secretJwt;
    static JsonObject privateKeyJwt;
    static JsonObject opaque;

    /** The shipped WAR plus one client authentication method Tessera does not have (issue 16: methods are a registry). */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war().addClass(LoopbackPeerAuthentication.class);
    }

    @BeforeAll
    static void clients() throws Exception {
        clientKey = new RSAKeyGenerator(2048).keyID("client-key-1").generate();
        String common = "\"grant_types\":[\"client_credentials\"],\"scope\":\"read write\",\"default_scope\":\"read\",\"allowed_resources\":[\"" + API + "\"]";
        basic = Admin.createClient("{\"client_id\":\"cc-basic\"," + common + "}");
        post = Admin.createClient("{\"client_id\":\"cc-post\",\"token_endpoint_auth_method\":\"client_secret_post\",\"access_token_signing_alg\":\"ES256\"," + common + "}");
        secretJwt = Admin.createClient("{\"client_id\":\"cc-secret-jwt\",\"token_endpoint_auth_method\":\"client_secret_jwt\"," + common + "}");
        privateKeyJwt = Admin.createClient("{\"client_id\":\"cc-pk-jwt\",\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":{\"keys\":["
                + clientKey.toPublicJWK().toJSONString() + "]}," + common + "}");
        opaque = Admin.createClient("{\"client_id\":\"cc-opaque\",\"access_token_format\":\"opaque\"," + common + "}");
    }

    static ClientAuthentication basicAuth(JsonObject client) {
        return new ClientSecretBasic(new ClientID(client.getString("client_id")), new Secret(client.getString("client_secret")));
    }

    static ClientAuthentication postAuth(JsonObject client) {
        return new ClientSecretPost(new ClientID(client.getString("client_id")), new Secret(client.getString("client_secret")));
    }

    static AccessToken token(ClientAuthentication auth, Scope scope, List<URI> resources) throws Exception {
        TokenRequest request = new TokenRequest(TOKEN, auth, new ClientCredentialsGrant(), scope, resources, null);
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString()).isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    /** Validates an access token as an RFC 9068 resource server: JWKS signature, typ at+jwt, iss, aud, exp. */
    static JWTClaimsSet validate(AccessToken token, String audience) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                JWKSourceBuilder.create(new URL(TesseraDeployment.issuer() + "/jwks")).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(TesseraDeployment.issuer()).build(),
                Set.of("sub", "client_id", "iat", "exp", "jti")));
        return processor.process(token.getValue(), null);
    }

    @Test
    void aClientAuthenticationMethodAddedAsOneBeanIsAdvertisedRegistrableAndUsed() throws Exception {
        JsonObject discovery = Admin.json(Http.get("/.well-known/openid-configuration").body());
        assertThat(discovery.getJsonArray("token_endpoint_auth_methods_supported").getValuesAs(JsonString::getString))
                .contains(LoopbackPeerAuthentication.METHOD, "client_secret_basic", "private_key_jwt");
        JsonObject client = Admin.createClient("{\"client_id\":\"cc-loopback\",\"token_endpoint_auth_method\":\""
                + LoopbackPeerAuthentication.METHOD + "\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        assertThat(client.getString("token_endpoint_auth_method")).isEqualTo(LoopbackPeerAuthentication.METHOD);
        assertThat(client.containsKey("client_secret")).as("the method keeps no secret, so none is issued").isFalse();

        // Nimbus will not build a client_credentials request without one of its own methods: the form by hand.
        HttpResponse<String> response = Http.send(Http.request("/token").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=cc-loopback&scope=read")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        AccessToken token = new BearerAccessToken(Admin.json(response.body()).getString("access_token"));
        assertThat(validate(token, TesseraDeployment.issuer()).getSubject()).isEqualTo("cc-loopback");

        // The same client presenting a secret it does not have is refused by its method.
        TokenResponse refused = TokenResponse.parse(new TokenRequest(TOKEN, new ClientSecretBasic(new ClientID("cc-loopback"),
                new Secret("guess")), new ClientCredentialsGrant(), null).toHTTPRequest().send());
        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void clientSecretBasicGetsAnRfc9068TokenWithDefaultScopeAndAllowedAudience() throws Exception {
        AccessToken token = token(basicAuth(basic), null, null);

        JWTClaimsSet claims = validate(token, API);
        assertThat(claims.getSubject()).isEqualTo("cc-basic");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("cc-basic");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000);
    }

    @Test
    void clientSecretPostGetsAnEs256TokenForTheRequestedResourceAndScope() throws Exception {
        ClientAuthentication auth = new ClientSecretPost(new ClientID("cc-post"), new Secret(post.getString("client_secret")));
        AccessToken token = token(auth, new Scope("read", "write"), List.of(URI.create(API)));

        assertThat(com.nimbusds.jwt.SignedJWT.parse(token.getValue()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(validate(token, API).getStringClaim("scope")).isEqualTo("read write");
    }

    @Test
    void clientSecretJwtAuthenticates() throws Exception {
        ClientAuthentication auth = new ClientSecretJWT(new ClientID("cc-secret-jwt"), TOKEN, JWSAlgorithm.HS256,
                new Secret(secretJwt.getString("client_secret")));
        assertThat(validate(token(auth, new Scope("write"), null), API).getSubject()).isEqualTo("cc-secret-jwt");
    }

    @Test
    void privateKeyJwtAuthenticates() throws Exception {
        ClientAuthentication auth = new PrivateKeyJWT(new ClientID("cc-pk-jwt"), TOKEN, JWSAlgorithm.RS256,
                clientKey.toPrivateKey(), clientKey.getKeyID(), null);
        assertThat(validate(token(auth, null, null), API).getSubject()).isEqualTo("cc-pk-jwt");
    }

    @Test
    void introspectionReportsActiveJwtThenRevocationMakesItInactive() throws Exception {
        AccessToken token = token(basicAuth(basic), new Scope("write"), null);

        TokenIntrospectionSuccessResponse active = introspect(token, postAuth(post));
        assertThat(active.isActive()).isTrue();
        assertThat(active.getClientID().getValue()).isEqualTo("cc-basic");
        assertThat(active.getScope()).isEqualTo(new Scope("write"));
        assertThat(active.getAudience()).extracting(Object::toString).containsExactly(API);

        assertThat(new TokenRevocationRequest(REVOKE, basicAuth(basic), token).toHTTPRequest().send().getStatusCode()).isEqualTo(200);
        assertThat(introspect(token, postAuth(post)).isActive()).isFalse();
    }

    @Test
    void opaqueTokensAreIntrospectedAndRevoked() throws Exception {
        AccessToken token = token(basicAuth(opaque), null, null);
        assertThat(token.getValue()).doesNotContain(".").hasSizeGreaterThanOrEqualTo(43);

        TokenIntrospectionSuccessResponse active = introspect(token, basicAuth(basic));
        assertThat(active.isActive()).isTrue();
        assertThat(active.getSubject().getValue()).isEqualTo("cc-opaque");

        new TokenRevocationRequest(REVOKE, basicAuth(opaque), token).toHTTPRequest().send();
        assertThat(introspect(token, basicAuth(basic)).isActive()).isFalse();
    }

    @Test
    void unknownAndMalformedTokensAreInactiveAndRevokeAnswers200() throws Exception {
        for (String garbage : List.of("nonsense", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")) {
            assertThat(introspect(new BearerAccessToken(garbage), basicAuth(basic)).isActive()).as(garbage).isFalse();
            assertThat(new TokenRevocationRequest(REVOKE, basicAuth(basic), new BearerAccessToken(garbage))
                    .toHTTPRequest().send().getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClientCannotRevokeAnotherClientsToken() throws Exception {
        AccessToken token = token(basicAuth(basic), null, null);

        var response = new TokenRevocationRequest(REVOKE, basicAuth(opaque), token).toHTTPRequest().send();
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getContent()).contains("unauthorized_client");
        assertThat(introspect(token, postAuth(post)).isActive()).isTrue();
    }

    @Test
    void introspectionAnswersAsSignedJwtWhenAskedPerRfc9701() throws Exception {
        AccessToken token = token(basicAuth(basic), null, null);
        var request = new TokenIntrospectionRequest(INTROSPECT, postAuth(post), token).toHTTPRequest();
        request.setAccept("application/token-introspection+jwt");
        var response = request.send();

        assertThat(response.getHeaderValue("Content-Type")).startsWith("application/token-introspection+jwt");
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("token-introspection+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URL(TesseraDeployment.issuer() + "/jwks")).build()));
        JWTClaimsSet claims = processor.process(response.getBody(), null);
        assertThat(claims.getAudience()).containsExactly("cc-post");
        assertThat(claims.getJSONObjectClaim("token_introspection")).containsEntry("active", true).containsEntry("client_id", "cc-basic");
    }

    /**
     * The counting guard (issue 23, point 3; docs/performance.md): SQL statements and JSON parsers per client_credentials,
     * refresh_token and introspection request may not grow beyond the numbers recorded here. When a change lowers one,
     * lower it here too, so the guard stays tight; a change that raises one must say why in docs/performance.md.
     */
    @Test
    void statementsAndJsonParsesPerRequestDoNotGrow() throws Exception {
        Map<String, CountingGuard.Cost> measured = new LinkedHashMap<>();
        measured.put("client_credentials", CountingGuard.measure(() -> token(basicAuth(basic), null, null), 3, 3, 5));
        AccessToken jwt = token(basicAuth(basic), null, null);
        measured.put("introspection (JWT)", CountingGuard.measure(() -> assertThat(introspect(jwt, postAuth(post)).isActive()).isTrue(), 3, 3, 5));
        AccessToken opaqueToken = token(basicAuth(opaque), null, null);
        measured.put("introspection (opaque)", CountingGuard.measure(
                () -> assertThat(introspect(opaqueToken, basicAuth(basic)).isActive()).isTrue(), 3, 3, 5));
        SignIn.createUser("counted");
        JsonObject app = Admin.createClient("{\"client_id\":\"cc-counted-refresh\",\"grant_types\":[\"password\",\"refresh_token\"],"
                + "\"scope\":\"openid read\",\"default_scope\":\"read\"}");
        String[] refresh = {refreshToken(app, "grant_type=password&username=counted&password="
                + URLEncoder.encode(SignIn.PASSWORD, StandardCharsets.UTF_8) + "&scope=read")};
        measured.put("refresh_token", CountingGuard.measure(
                () -> refresh[0] = refreshToken(app, "grant_type=refresh_token&refresh_token=" + refresh[0]), 3, 3, 5));
        System.out.println("Counting guard, per request: " + measured);
        Map<String, CountingGuard.Cost> recorded = Map.of(
                // Recorded 2026-12-06 (H2 and PostgreSQL alike, EclipseLink 4.0 in Payara 6.2025.10), the fewest of three batches of five after
                // three warm-up requests. JSON: jose4j's own parses inside a JWT it verifies are not counted (JsonParsing).
                // Introspection of a JWT: the revocation check answers from the node's copy (RevokedJtis); refresh: read the
                // token, re-check the user, consume, insert the successor (the token is no longer read a second time).
                "client_credentials", new CountingGuard.Cost(0, 0),
                "introspection (JWT)", new CountingGuard.Cost(0, 0),
                "introspection (opaque)", new CountingGuard.Cost(1, 0),
                "refresh_token", new CountingGuard.Cost(4, 0));
        recorded.forEach((request, limit) -> {
            assertThat(measured.get(request).statements()).as("SQL statements per %s request (all: %s)", request, measured)
                    .isLessThanOrEqualTo(limit.statements());
            assertThat(measured.get(request).parsers()).as("JSON parsers per %s request (all: %s)", request, measured)
                    .isLessThanOrEqualTo(limit.parsers());
        });
    }

    /** A token request of the client with HTTP Basic; the refresh token of its answer. */
    static String refreshToken(JsonObject client, String form) {
        HttpResponse<String> response = Http.send(Http.request("/token").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client.getString("client_id") + ":"
                        + client.getString("client_secret")).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body()).getString("refresh_token");
    }

    @Test
    void publicClientsCannotIntrospect() {
        var response = Http.send(Http.request("/introspect").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=x")));
        FoundationIT.assertJsonError(response, 401, "invalid_client");
    }

    static TokenIntrospectionSuccessResponse introspect(AccessToken token, ClientAuthentication caller) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(INTROSPECT, caller, token).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }
}
