package dev.tessera.it;

import static dev.tessera.it.FoundationIT.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Everything a token request can get wrong, over raw HTTP, each with its exact status and error code;
 * and the admin API's own refusals (RFC 6750 §3.1).
 */
@ExtendWith(ArquillianExtension.class)
class TokenEndpointErrorsIT {
    static final String FORM = "application/x-www-form-urlencoded";
    static RSAKey clientKey;
    static JsonObject basic;
    static JsonObject self;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void clients() throws Exception {
        clientKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        basic = Admin.createClient("{\"client_id\":\"neg-basic\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\","
                + "\"allowed_resources\":[\"https://api.example.com\"]}");
        Admin.createClient("{\"client_id\":\"neg-pk\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":"
                + "\"private_key_jwt\",\"jwks\":{\"keys\":[" + clientKey.toPublicJWK().toJSONString() + "]}}");
        self = Admin.createClient("{\"client_id\":\"neg-self\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        Admin.createClient("{\"client_id\":\"neg-code-only\",\"redirect_uris\":[\"https://app.example.com/cb\"]}");
    }

    static HttpResponse<String> post(String authorization, String body) {
        HttpRequest.Builder request = Http.request("/token").header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request);
    }

    static String basicOk() {
        return Admin.basic("neg-basic", basic.getString("client_secret"));
    }

    static String assertionBody(String assertion) {
        return "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("neg-pk").subject("neg-pk")
                .audience(TesseraDeployment.issuer() + "/token").jwtID(UUID.randomUUID().toString())
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).issueTime(new Date());
    }

    static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(clientKey));
        return jwt.serialize();
    }

    @Test
    void wrongSecretIs401WithBasicChallenge() {
        HttpResponse<String> response = post(Admin.basic("neg-basic", "wrong"), "grant_type=client_credentials");
        assertJsonError(response, 401, "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void unknownClientIs401WithTheSameDescriptionAsAWrongSecret() {
        HttpResponse<String> unknown = post(Admin.basic("nobody", "x"), "grant_type=client_credentials");
        assertJsonError(unknown, 401, "invalid_client");
        assertThat(Admin.json(unknown.body())).isEqualTo(Admin.json(post(Admin.basic("neg-basic", "x"), "grant_type=client_credentials").body()));
    }

    @Test
    void twoAuthenticationMethodsAtOnceIsInvalidRequest() {
        assertJsonError(post(basicOk(), "grant_type=client_credentials&client_id=neg-basic&client_secret="
                + basic.getString("client_secret")), 400, "invalid_request");
    }

    @Test
    void assertionWithAlgNoneIsRefused() {
        String none = new PlainJWT(claims().build()).serialize();
        assertJsonError(post(null, assertionBody(none)), 401, "invalid_client");
    }

    @Test
    void hs256AssertionKeyedWithTheClientsRsaPublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        jwt.sign(new MACSigner(clientKey.toRSAPublicKey().getEncoded()));
        assertJsonError(post(null, assertionBody(jwt.serialize())), 401, "invalid_client");
    }

    @Test
    void assertionWithWrongAudienceIsRefused() throws Exception {
        assertJsonError(post(null, assertionBody(signed(claims().audience("https://elsewhere.example").build()))), 401, "invalid_client");
    }

    @Test
    void expiredAssertionIsRefused() throws Exception {
        JWTClaimsSet expired = claims().expirationTime(new Date(System.currentTimeMillis() - 120_000)).build();
        HttpResponse<String> response = post(null, assertionBody(signed(expired)));
        assertJsonError(response, 401, "invalid_client");
        assertThat(response.body()).contains("expired");
    }

    @Test
    void replayedAssertionJtiIsRefused() throws Exception {
        String assertion = signed(claims().build());
        assertThat(post(null, assertionBody(assertion)).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(null, assertionBody(assertion));
        assertJsonError(replay, 401, "invalid_client");
        assertThat(replay.body()).contains("jti");
    }

    /**
     * Issue 18 point 4: fifty replays of one assertion are fifty 401s and at most one log line, no stack trace
     * (the unique-key violation used to log about 170 lines each).
     */
    @Test
    void fiftyReplaysAreDecidedWithoutAnExceptionAndLoggedOnceAMinute() throws Exception {
        String assertion = signed(claims().build());
        assertThat(post(null, assertionBody(assertion)).statusCode()).isEqualTo(200);
        Thread.sleep(1000);
        String before = LogCanary.currentServerLog();
        for (int i = 0; i < 50; i++) {
            assertJsonError(post(null, assertionBody(assertion)), 401, "invalid_client");
        }
        Thread.sleep(2000);
        String during = LogCanary.currentServerLog().substring(before.length());
        assertThat(during.lines().filter(line -> line.contains("replayed client-assertion jti")).count()).as(during).isLessThanOrEqualTo(1);
        // Besides that line (and the blank line after each record), nothing: the audit trail's per-minute token
        // aggregates, written by their own task when a minute ends, may fall into the window and are not counted.
        assertThat(during.lines().filter(line -> !line.isBlank() && !line.contains("token.issued.per_minute")).count())
                .as(during).isLessThanOrEqualTo(2);
        assertThat(during).doesNotContain("Exception", "\tat ");
    }

    @Test
    void scopeNotAllowedIsInvalidScope() {
        assertJsonError(post(basicOk(), "grant_type=client_credentials&scope=read%20admin"), 400, "invalid_scope");
    }

    @Test
    void resourceNotAllowedIsInvalidTarget() {
        assertJsonError(post(basicOk(), "grant_type=client_credentials&resource=https%3A%2F%2Fother.example.com"), 400, "invalid_target");
        assertJsonError(post(basicOk(), "grant_type=client_credentials&resource=relative%2Fpath"), 400, "invalid_target");
    }

    @Test
    void getOnTokenIs405() {
        assertJsonError(Http.get("/token?grant_type=client_credentials"), 405, "method_not_allowed");
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        assertJsonError(post(basicOk(), "grant_type=client_credentials&scope=read&scope=read"), 400, "invalid_request");
    }

    @Test
    void oneMegabyteBodyIs413() {
        assertJsonError(post(basicOk(), "grant_type=client_credentials&pad=" + "a".repeat(1024 * 1024)), 413, "request_too_large");
    }

    @Test
    void jsonBodyAndMalformedFormAreInvalidRequest() {
        assertJsonError(Http.send(Http.request("/token").header("Content-Type", "application/json").header("Authorization", basicOk())
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))), 400, "invalid_request");
        assertJsonError(post(basicOk(), "grant_type=client_credentials&scope=%zz"), 400, "invalid_request");
    }

    /**
     * U+0000 is in no OAuth parameter's syntax (RFC 6749 Appendix A), and PostgreSQL cannot even compare a text column
     * with it: before it was refused at parsing, every look-up with one was a 500 there (H2 just found nothing).
     */
    @Test
    void nulCharacterInParametersIsRefusedAsBadInput() {
        assertJsonError(post(null, "grant_type=client_credentials&client_id=neg%00basic&client_secret=x"), 400, "invalid_request");
        assertJsonError(post(Admin.basic("neg%00basic", "x"), "grant_type=client_credentials"), 401, "invalid_client");
        String rawNul = "Basic " + java.util.Base64.getEncoder().encodeToString("neg\u0000basic:x".getBytes(StandardCharsets.UTF_8));
        assertJsonError(post(rawNul, "grant_type=client_credentials"), 401, "invalid_client");
        assertJsonError(post(basicOk(), "grant_type=client_credentials&scope=re%00ad"), 400, "invalid_request");
        assertJsonError(Http.send(Http.request("/device_authorization").header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("client_id=neg%00basic"))), 400, "invalid_request");
    }

    /** The client_id of an assertion is JSON inside a JWT, out of the form parser's reach: the look-up itself copes. */
    @Test
    void assertionNamingAClientWithANulCharacterIsInvalidClient() throws Exception {
        assertJsonError(post(null, assertionBody(signed(claims().issuer("neg\u0000pk").subject("neg\u0000pk").build()))),
                401, "invalid_client");
    }

    @Test
    void nulCharacterInAdminInputIsNeverA500() {
        String admin = "Bearer " + Admin.token();
        HttpResponse<String> search = Http.send(Http.request("/admin/api/users?search=a%00b").header("Authorization", admin).GET());
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(Admin.json(search.body()).getJsonArray("users")).isEmpty();
        assertJsonError(Http.send(Http.request("/admin/api/clients").header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_types\":[\"client_credentials\"],\"client_name\":\"a\\u0000b\"}"))),
                400, "invalid_client_metadata");
    }

    @Test
    void unknownGrantTypeAndGrantNotAllowedForClient() {
        assertJsonError(post(basicOk(), "grant_type=urn%3Aexample%3Amade-up"), 400, "unsupported_grant_type");
        assertJsonError(post(basicOk(), "grant_type=client_credentials&grant_type=x"), 400, "invalid_request");
        // neg-code-only is registered for authorization_code only.
        var codeOnly = Admin.json(Http.send(Http.request("/admin/api/clients/neg-code-only/secret")
                .header("Authorization", "Bearer " + Admin.token()).POST(HttpRequest.BodyPublishers.noBody())).body());
        assertJsonError(post(Admin.basic("neg-code-only", codeOnly.getString("client_secret")), "grant_type=client_credentials"),
                400, "unauthorized_client");
    }

    /**
     * RFC 6749 §2.3.1: client credentials "MUST NOT be included in the request URI". Refused, naming the parameter
     * and not its value. A query without credentials on an empty form POST is no form either: Jersey used to take
     * it for one and log the whole URI at WARNING; the marker in it is recorded for {@link LogCanaryCheck}.
     */
    @Test
    void credentialsInTheQueryAreRefusedAndAQueryIsNeverLoggedAsAForm() {
        String secret = basic.getString("client_secret");
        HttpResponse<String> inQuery = Http.send(Http.request("/token?client_id=neg-basic&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&grant_type=client_credentials").header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.noBody()));
        assertJsonError(inQuery, 400, "invalid_request");
        assertThat(inQuery.body()).contains("client_secret").doesNotContain(secret);
        // The same endpoint spelt otherwise: Jersey answers the first two as /token, the container decodes the third.
        for (String spelling : List.of("/token/", "/token;x=1", "/tok%65n")) {
            HttpResponse<String> variant = Http.send(Http.request(spelling + "?client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .header("Authorization", basicOk()).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            assertJsonError(variant, 400, "invalid_request");
            assertThat(variant.body()).as(spelling).contains("client_secret must be sent").doesNotContain(secret);
        }
        assertJsonError(Http.send(Http.request("/introspect?token=" + UUID.randomUUID()).header("Authorization", basicOk())
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.noBody())), 400, "invalid_request");

        String marker = "query-canary-" + UUID.randomUUID();
        LogCanary.record("query", marker);
        HttpResponse<String> queryOnly = Http.send(Http.request("/token?state=" + marker).header("Authorization", basicOk())
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.noBody()));
        assertJsonError(queryOnly, 400, "invalid_request");
        assertThat(queryOnly.body()).contains("grant_type");
    }

    /** RFC 6749 §5.2: an echoed grant_type with CR, LF, quote and backslash comes back within %x20-21 / %x23-5B / %x5D-7E. */
    @Test
    void anEchoedCrLfNeverLeavesInTheJsonErrorDescription() {
        HttpResponse<String> response = post(basicOk(), "grant_type=" + URLEncoder.encode("x\r\nX-Injected: yes\"\\", StandardCharsets.UTF_8));
        assertJsonError(response, 400, "unsupported_grant_type");
        assertThat(response.headers().allValues("X-Injected")).isEmpty();
        assertThat(Admin.json(response.body()).getString("error_description"))
                .contains("X-Injected").matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    }

    @Test
    void adminApiRefusesMissingTokensAndTokensWithoutTheAdminScope() {
        HttpResponse<String> anonymous = Http.get("/admin/api/clients");
        assertJsonError(anonymous, 401, "invalid_token");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        // A token for another audience is not meant for this server at all.
        String forApi = Admin.json(post(basicOk(), "grant_type=client_credentials").body()).getString("access_token");
        assertJsonError(Http.send(Http.request("/admin/api/clients").header("Authorization", "Bearer " + forApi).GET()),
                401, "invalid_token");
        // A token for this server, but without tessera:admin.
        String forUs = Admin.json(post(Admin.basic("neg-self", self.getString("client_secret")), "grant_type=client_credentials")
                .body()).getString("access_token");
        HttpResponse<String> forbidden = Http.send(Http.request("/admin/api/clients").header("Authorization", "Bearer " + forUs).GET());
        assertJsonError(forbidden, 403, "insufficient_scope");
        assertThat(forbidden.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("insufficient_scope"));

        assertJsonError(Http.send(Http.request("/admin/api/clients").header("Authorization", "Bearer forged.token.value").GET()),
                401, "invalid_token");
    }

    /**
     * Tessera's authentication mechanism guards the admin API (issue 3, point 6; issue 16, point 6) and nothing
     * else: a token with every claim right but a foreign key is refused in Tessera's error shape; a garbage
     * bearer token elsewhere is the endpoint's own answer; a key rotated a moment ago verifies at once; an
     * admin client may sign its tokens with any algorithm Tessera has, but they must be JWTs.
     */
    @Test
    void adminApiIsGuardedByTesserasMechanismAndNothingElseIs() throws Exception {
        assertThat(Admin.json(Http.get("/health/ready").body()).getJsonArray("checks").getJsonObject(0).getJsonObject("data")
                .getString("admin-auth")).isEqualTo("Tessera's mechanism (Jakarta Security for /admin only)");
        String tesseraKid = Admin.json(Http.get("/jwks").body()).getJsonArray("keys").getJsonObject(0).getString("kid");
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tesseraKid)
                .type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).build(),
                new JWTClaimsSet.Builder().issuer(TesseraDeployment.issuer()).subject(Admin.ID).audience(TesseraDeployment.issuer())
                        .claim("client_id", Admin.ID).claim("scope", "tessera:admin").jwtID(UUID.randomUUID().toString())
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000)).issueTime(new Date()).build());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        HttpResponse<String> refused = Http.send(Http.request("/admin/api/clients").header("Authorization", "Bearer " + forged.serialize()).GET());
        assertJsonError(refused, 401, "invalid_token");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tessera-admin\", error=\"invalid_token\"");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // Outside the admin API the guard does not run: the userinfo endpoint answers for itself.
        HttpResponse<String> userinfo = Http.send(Http.request("/userinfo").header("Authorization", "Bearer not-a-jwt").GET());
        assertJsonError(userinfo, 401, "invalid_token");
        assertThat(userinfo.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("realm=\"tessera\""));

        // A token signed by the RS256 key activated just now is accepted on the next request.
        String before = Admin.token();
        assertThat(Http.send(Http.request("/admin/api/keys/RS256/rotate").header("Authorization", "Bearer " + before)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        String after = Admin.token();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        assertThat(Http.send(Http.request("/admin/api/clients").header("Authorization", "Bearer " + after).GET()).statusCode()).isEqualTo(200);

        // Admin tokens are JWTs, in any of Tessera's algorithms (MicroProfile JWT's RS256/ES256 limit is gone).
        String admin = "Bearer " + Admin.token();
        JsonObject eddsa = Admin.createClient("{\"client_id\":\"neg-admin-eddsa\",\"grant_types\":[\"client_credentials\"],"
                + "\"scope\":\"tessera:admin\",\"access_token_signing_alg\":\"EdDSA\"}");
        String eddsaToken = Admin.json(post(Admin.basic("neg-admin-eddsa", eddsa.getString("client_secret")),
                "grant_type=client_credentials").body()).getString("access_token");
        assertThat(SignedJWT.parse(eddsaToken).getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
        assertThat(Http.send(Http.request("/admin/api/keys").header("Authorization", "Bearer " + eddsaToken).GET()).statusCode())
                .isEqualTo(200);
        assertJsonError(Http.send(Http.request("/admin/api/clients").header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_types\":[\"client_credentials\"],\"scope\":\"tessera:admin\","
                        + "\"access_token_format\":\"opaque\"}"))), 400, "invalid_client_metadata");
    }

    @Test
    void adminApiRejectsInvalidMetadataWithRfc7591Codes() throws Exception {
        String admin = "Bearer " + Admin.token();
        // Issue 18 point 5: a weak key (1024-bit RSA) and a symmetric key in jwks.
        String weak = new RSAKeyGenerator(1024, true).generate().toPublicJWK().toJSONString();
        for (String[] c : new String[][] {
                {"{\"redirect_uris\":[\"http://app.example.com/cb\"]}", "invalid_redirect_uri"},
                {"{\"redirect_uris\":[\"https://app.example.com/cb#frag\"]}", "invalid_redirect_uri"},
                {"{\"grant_types\":[\"client_credentials\"],\"logo_uri\":\"http://x.example/logo.png\"}", "invalid_client_metadata"},
                {"{\"grant_types\":[\"client_credentials\"],\"jwks\":{\"keys\":[]},\"jwks_uri\":\"https://x.example/jwks\"}", "invalid_client_metadata"},
                {"{\"grant_types\":[\"client_credentials\"],\"response_types\":[\"code\"]}", "invalid_client_metadata"},
                {"not json", "invalid_client_metadata"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":{\"keys\":[" + weak + "]}}",
                    "invalid_client_metadata"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":{\"keys\":["
                    + "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}]}}", "invalid_client_metadata"}}) {
            HttpResponse<String> response = Http.send(Http.request("/admin/api/clients").header("Authorization", admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c[0])));
            assertJsonError(response, 400, c[1]);
        }
        HttpResponse<String> weakKey = Http.send(Http.request("/admin/api/clients").header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"grant_types\":[\"client_credentials\"],"
                        + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":{\"keys\":[" + weak + "]}}")));
        assertThat(Admin.json(weakKey.body()).getString("error_description")).contains("1024 bits", "2048");
    }

    @Test
    void rotatingAKeyNowSignsWithANewKidWhileTheOldOneStaysPublished() {
        String before = Admin.json(post(basicOk(), "grant_type=client_credentials").body()).getString("access_token");
        String oldKid = kidOf(before);
        HttpResponse<String> rotated = Http.send(Http.request("/admin/api/keys/RS256/rotate")
                .header("Authorization", "Bearer " + Admin.token()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rotated.statusCode()).isEqualTo(200);

        String after = Admin.json(post(basicOk(), "grant_type=client_credentials").body()).getString("access_token");
        assertThat(kidOf(after)).isNotEqualTo(oldKid);
        assertThat(Http.get("/jwks").body()).contains(oldKid, kidOf(after));
        assertThat(rotated.body()).contains("\"state\":\"retired\"");
    }

    static String kidOf(String jwt) {
        try {
            return SignedJWT.parse(jwt).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
