package dev.tessera.it;

import static dev.tessera.it.FoundationIT.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The legacy password grant, token exchange (RFC 8693) and the JWT bearer grant (RFC 7523), driven by
 * the Nimbus SDK as a real client; discovery's grant list is checked in FoundationIT.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordExchangeAndJwtBearerIT {
    static final URI TOKEN = URI.create(TesseraDeployment.issuer() + "/token");
    static final String IDP = "https://idp.example.test";
    static final String ORDERS = "https://orders.example.com";

    static JsonObject user;
    static JsonObject legacy;
    static JsonObject service;
    static JsonObject gateway;
    static JsonObject batch;
    static RSAKey idpKey;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() throws Exception {
        user = SignIn.createUser("pat");
        SignIn.createUser("throttled");
        SignIn.createUser("address-victim");
        SignIn.createUser("forwarded-victim");
        legacy = Admin.createClient("{\"client_id\":\"legacy-app\",\"grant_types\":[\"password\",\"refresh_token\"],"
                + "\"scope\":\"openid profile email read\",\"default_scope\":\"read\"}");
        service = Admin.createClient("{\"client_id\":\"no-password\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        gateway = Admin.createClient("{\"client_id\":\"gateway\",\"grant_types\":[\"urn:ietf:params:oauth:grant-type:token-exchange\","
                + "\"client_credentials\"],\"scope\":\"read write\",\"token_exchange_audiences\":[\"orders\",\"" + ORDERS + "\"]}");
        batch = Admin.createClient("{\"client_id\":\"batch\",\"grant_types\":[\"urn:ietf:params:oauth:grant-type:jwt-bearer\"],"
                + "\"scope\":\"read\"}");
        idpKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        HttpResponse<String> trusted = admin(Http.request("/admin/api/trusted-issuers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"idp\",\"issuer\":\"" + IDP + "\",\"jwks\":{\"keys\":["
                        + idpKey.toPublicJWK().toJSONString() + "]},\"algorithms\":[\"RS256\"],\"allowed_subjects\":[\"svc-*\"],"
                        + "\"allowed_clients\":[\"batch\"],\"subject_mapping\":\"service\"}")));
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
    }

    static HttpResponse<String> admin(HttpRequest.Builder request) {
        return Http.send(request.header("Authorization", "Bearer " + Admin.token()));
    }

    static ClientSecretBasic auth(JsonObject client) {
        return new ClientSecretBasic(new ClientID(client.getString("client_id")), new Secret(client.getString("client_secret")));
    }

    static TokenResponse send(JsonObject client, AuthorizationGrant grant, Scope scope) throws Exception {
        return TokenResponse.parse(new TokenRequest(TOKEN, auth(client), grant, scope).toHTTPRequest().send());
    }

    static AccessTokenResponse success(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toJSONObject().toString()).isTrue();
        return response.toSuccessResponse();
    }

    static ErrorObject error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("expected an error").isFalse();
        return response.toErrorResponse().getErrorObject();
    }

    static TokenResponse password(JsonObject client, String username, String password, Scope scope) throws Exception {
        return send(client, new ResourceOwnerPasswordCredentialsGrant(username, new Secret(password)), scope);
    }

    // ---- password grant (RFC 6749 §4.3) ----

    @Test
    void passwordGrantIssuesTokensAndAnIdTokenTheSdkValidates() throws Exception {
        OIDCTokenResponse response = (OIDCTokenResponse) success(OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, auth(legacy),
                new ResourceOwnerPasswordCredentialsGrant("pat", new Secret(SignIn.PASSWORD)), new Scope("openid", "read"))
                .toHTTPRequest().send()));

        IDTokenValidator validator = new IDTokenValidator(new Issuer(TesseraDeployment.issuer()), new ClientID("legacy-app"),
                JWSAlgorithm.RS256, new URL(TesseraDeployment.issuer() + "/jwks"));
        IDTokenClaimsSet id = validator.validate(response.getOIDCTokens().getIDToken(), null);
        assertThat(id.getSubject().getValue()).isEqualTo(user.getString("sub"));
        assertThat(id.getNonce()).isNull();
        assertThat(id.getAMR()).extracting(Object::toString).containsExactly("pwd");
        assertThat(response.getTokens().getRefreshToken()).isNotNull();
        JWTClaimsSet access = ClientCredentialsIT.validate(response.getTokens().getAccessToken(), TesseraDeployment.issuer());
        assertThat(access.getSubject()).isEqualTo(user.getString("sub"));
        assertThat(access.getStringClaim("scope")).isEqualTo("openid read");
    }

    @Test
    void passwordGrantOnAClientNotAllowedItIsUnauthorizedClient() throws Exception {
        assertThat(error(password(service, "pat", SignIn.PASSWORD, null)).getCode()).isEqualTo("unauthorized_client");
    }

    /**
     * Issue 20: the password grant has no second step, so a floor above the password refuses it: the client's
     * require_mfa before the password is checked (unauthorized_client), a person's requirement after it (invalid_grant),
     * each saying that a second factor is needed.
     */
    @Test
    void thePasswordGrantIssuesNothingBelowAFloor() throws Exception {
        JsonObject strict = Admin.createClient("{\"client_id\":\"legacy-mfa\",\"grant_types\":[\"password\"],\"scope\":\"read\","
                + "\"require_mfa\":true}");
        ErrorObject client = error(password(strict, "pat", SignIn.PASSWORD, null));
        assertThat(client.getCode()).isEqualTo("unauthorized_client");
        assertThat(client.getDescription()).contains("second factor");

        String sub = SignIn.createUser("required-pat").getString("sub");
        assertThat(success(password(legacy, "required-pat", SignIn.PASSWORD, null)).getTokens().getAccessToken()).isNotNull();
        assertThat(admin(Http.request("/admin/api/users/" + sub + "/factors/required").PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(204);
        ErrorObject person = error(password(legacy, "required-pat", SignIn.PASSWORD, null));
        assertThat(person.getCode()).isEqualTo("invalid_grant");
        assertThat(person.getDescription()).contains("second factor");
        assertThat(error(password(legacy, "required-pat", "not the password", null)).getDescription()).doesNotContain("second factor");
    }

    @Test
    void aWrongPasswordIsInvalidGrant() throws Exception {
        ErrorObject error = error(password(legacy, "pat", "not the password", null));
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
    }

    @Test
    void repeatedFailuresThrottleTheAccountUntilEvenTheRightPasswordIsRefused() throws Exception {
        success(password(legacy, "throttled", SignIn.PASSWORD, null));
        String firstDescription = null;
        for (int i = 0; i < 5; i++) {
            ErrorObject error = error(password(legacy, "throttled", "guess-" + i, null));
            assertThat(error.getCode()).isEqualTo("invalid_grant");
            firstDescription = error.getDescription();
        }

        ErrorObject locked = error(password(legacy, "throttled", SignIn.PASSWORD, null));
        assertThat(locked.getCode()).isEqualTo("invalid_grant");
        assertThat(locked.getDescription()).as("a lock looks like a wrong password").isEqualTo(firstDescription);
    }

    /** A password grant request for {@code client} sent from {@code localAddress}, with {@code X-Forwarded-For}. */
    static FromAddress.Answer passwordFrom(String localAddress, String forwardedFor, String username, String password) {
        String form = "grant_type=password&username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return FromAddress.post(localAddress, "/token", Map.of("Authorization", Admin.basic(legacy.getString("client_id"),
                legacy.getString("client_secret")), "X-Forwarded-For", forwardedFor), form);
    }

    /**
     * The request context behind a trusted proxy: 127.0.0.2 is in tessera.http.trusted-proxies (arquillian.xml), so
     * the address it forwards is the one throttled (tessera.login.max-failures-per-address, 20), not its own.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void behindATrustedProxyTheForwardedAddressIsTheOneThrottled() {
        for (int i = 0; i < 20; i++) {
            assertThat(passwordFrom("127.0.0.2", "198.51.100.7", "nobody-forwarded-" + i, "guess").status()).isEqualTo(400);
        }

        FromAddress.Answer locked = passwordFrom("127.0.0.2", "198.51.100.7", "forwarded-victim", SignIn.PASSWORD);
        assertThat(locked.status()).as("the forwarded client's address is locked: " + locked.body()).isEqualTo(400);
        FromAddress.Answer other = passwordFrom("127.0.0.2", "198.51.100.8", "forwarded-victim", SignIn.PASSWORD);
        assertThat(other.status()).as("another client behind the same proxy is not: " + other.body()).isEqualTo(200);
    }

    /**
     * The per-address limit (tessera.login.max-failures-per-address, 20) through the password grant: proves the token
     * endpoint passes the caller's address on, and that an untrusted caller's X-Forwarded-For changes nothing (the request
     * context behind an untrusted proxy). Runs last: it locks 127.0.0.1.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void failuresFromOneAddressLockItForEveryUsername() throws Exception {
        success(password(legacy, "address-victim", SignIn.PASSWORD, null));
        for (int i = 0; i < 20; i++) {
            HTTPRequest request = new TokenRequest(TOKEN, auth(legacy), new ResourceOwnerPasswordCredentialsGrant("nobody-" + i,
                    new Secret("guess")), null).toHTTPRequest();
            request.setHeader("X-Forwarded-For", "203.0.113." + (i + 1));
            assertThat(error(TokenResponse.parse(request.send())).getCode()).isEqualTo("invalid_grant");
        }

        assertThat(error(password(legacy, "address-victim", SignIn.PASSWORD, null)).getCode())
                .as("20 failures from this address, each for another username and a made-up X-Forwarded-For, lock the address")
                .isEqualTo("invalid_grant");
    }

    // ---- token exchange (RFC 8693) ----

    static AccessToken patsToken() throws Exception {
        return success(password(legacy, "pat", SignIn.PASSWORD, new Scope("read"))).getTokens().getAccessToken();
    }

    static TokenResponse exchange(AccessToken subject, AccessToken actor, List<Audience> audience, Scope scope) throws Exception {
        return send(gateway, new TokenExchangeGrant(subject, TokenTypeURI.ACCESS_TOKEN, actor, actor == null ? null : TokenTypeURI.ACCESS_TOKEN,
                null, audience), scope);
    }

    @Test
    void tokenExchangeWithoutAnActorGivesTheUserATokenForTheAllowedAudience() throws Exception {
        AccessTokenResponse response = success(exchange(patsToken(), null, List.of(new Audience("orders")), null));

        AccessToken token = response.getTokens().getAccessToken();
        assertThat(token.getIssuedTokenType()).isEqualTo(TokenTypeURI.ACCESS_TOKEN);
        JWTClaimsSet claims = ClientCredentialsIT.validate(token, "orders");
        assertThat(claims.getSubject()).isEqualTo(user.getString("sub"));
        assertThat(claims.getStringClaim("client_id")).isEqualTo("gateway");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read");
        assertThat(claims.getClaim("act")).isNull();
    }

    @Test
    void tokenExchangeWithAnActorRecordsItInAct() throws Exception {
        AccessToken actor = success(send(gateway, new ClientCredentialsGrant(), null)).getTokens().getAccessToken();

        AccessToken token = success(exchange(patsToken(), actor, List.of(new Audience(ORDERS)), new Scope("read")))
                .getTokens().getAccessToken();

        JWTClaimsSet claims = ClientCredentialsIT.validate(token, ORDERS);
        assertThat(claims.getSubject()).isEqualTo(user.getString("sub"));
        Map<String, Object> act = claims.getJSONObjectClaim("act");
        assertThat(act).containsEntry("sub", "gateway").containsEntry("client_id", "gateway");
    }

    @Test
    void exchangingForAnAudienceOutsideThePolicyIsInvalidTarget() throws Exception {
        assertThat(error(exchange(patsToken(), null, List.of(new Audience("billing")), null)).getCode()).isEqualTo("invalid_target");
    }

    @Test
    void exchangingForAWiderScopeIsRefused() throws Exception {
        assertThat(error(exchange(patsToken(), null, List.of(new Audience("orders")), new Scope("read", "write"))).getCode())
                .isEqualTo("invalid_scope");
    }

    @Test
    void anInactiveSubjectTokenIsInvalidRequest() throws Exception {
        AccessToken forged = new com.nimbusds.oauth2.sdk.token.BearerAccessToken("not-a-token-of-this-server");
        assertThat(error(exchange(forged, null, List.of(new Audience("orders")), null)).getCode()).isEqualTo("invalid_request");
    }

    // ---- JWT bearer grant (RFC 7523 §2.1) ----

    static SignedJWT assertion(RSAKey key, String issuer, String subject) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(TOKEN.toString())
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    @Test
    void anAssertionOfATrustedIssuerGetsAnAccessTokenForItsSubject() throws Exception {
        AccessToken token = success(send(batch, new JWTBearerGrant(assertion(idpKey, IDP, "svc-reports")), null))
                .getTokens().getAccessToken();

        JWTClaimsSet claims = ClientCredentialsIT.validate(token, TesseraDeployment.issuer());
        assertThat(claims.getSubject()).isEqualTo("svc-reports");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("batch");
    }

    @Test
    void anAssertionFromAnUntrustedIssuerIsInvalidGrant() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        assertThat(error(send(batch, new JWTBearerGrant(assertion(stranger, "https://untrusted.example", "svc-reports")), null))
                .getCode()).isEqualTo("invalid_grant");
        // The trusted issuer's name with another key is no better.
        assertThat(error(send(batch, new JWTBearerGrant(assertion(stranger, IDP, "svc-reports")), null)).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void aReplayedJtiIsInvalidGrant() throws Exception {
        SignedJWT once = assertion(idpKey, IDP, "svc-replay");
        success(send(batch, new JWTBearerGrant(once), null));

        assertThat(error(send(batch, new JWTBearerGrant(once), null)).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void anUnsignedAssertionIsInvalidGrant() throws Exception {
        // No client library sends alg "none" on purpose; this is what an attacker would.
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(assertion(idpKey, IDP, "svc-none").getJWTClaimsSet().toString().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = Http.send(Http.request("/token")
                .header("Authorization", Admin.basic("batch", batch.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="
                        + header + "." + payload + ".")));

        assertJsonError(response, 400, "invalid_grant");
    }

    @Test
    void aSubjectOutsideTheIssuersListIsInvalidGrant() throws Exception {
        assertThat(error(send(batch, new JWTBearerGrant(assertion(idpKey, IDP, "admin")), null)).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void trustedIssuersAreManagedThroughTheAdminApi() {
        HttpResponse<String> read = admin(Http.request("/admin/api/trusted-issuers/idp").GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Admin.json(read.body()).getString("issuer")).isEqualTo(IDP);
        assertThat(admin(Http.request("/admin/api/trusted-issuers").GET()).body()).contains("\"id\":\"idp\"");
        assertJsonError(admin(Http.request("/admin/api/trusted-issuers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"issuer\":\"x\",\"jwks_uri\":\"http://x\"}"))), 400, "invalid_request");
        assertThat(Http.send(Http.request("/admin/api/trusted-issuers").GET()).statusCode()).isEqualTo(401);

        HttpResponse<String> created = admin(Http.request("/admin/api/trusted-issuers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"short-lived\",\"issuer\":\"https://gone.example\","
                        + "\"jwks_uri\":\"https://gone.example/jwks\",\"allowed_subjects\":[\"*\"],\"allowed_clients\":[\"*\"],"
                        + "\"subject_mapping\":\"local-user\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(admin(Http.request("/admin/api/trusted-issuers/short-lived").DELETE()).statusCode()).isEqualTo(204);
        assertThat(admin(Http.request("/admin/api/trusted-issuers/short-lived").GET()).statusCode()).isEqualTo(404);
    }
}
