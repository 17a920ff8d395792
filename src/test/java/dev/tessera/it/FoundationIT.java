package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation as a client meets it: discovery and JWKS judged by the Nimbus SDK, health, the
 * security and CORS headers, and clean JSON errors for requests that are wrong at the HTTP level.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @Test
    void openidConfigurationParsesWithNimbusAndNamesTheConfiguredIssuer() throws Exception {
        HttpResponse<String> response = Http.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.body());
        assertThat(metadata.getIssuer().getValue()).isEqualTo(TesseraDeployment.issuer());
        assertThat(metadata.getJWKSetURI()).hasToString(TesseraDeployment.issuer() + "/jwks");
    }

    @Test
    void rfc8414MetadataParsesWithNimbusAndEqualsTheOpenidDocument() throws Exception {
        HttpResponse<String> oauth = Http.get("/.well-known/oauth-authorization-server");
        HttpResponse<String> openid = Http.get("/.well-known/openid-configuration");

        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(oauth.body());
        assertThat(metadata.getIssuer().getValue()).isEqualTo(TesseraDeployment.issuer());
        assertThat(json(oauth.body())).isEqualTo(json(openid.body()));
    }

    @Test
    void discoveryAdvertisesOnlyWhatExists() {
        JsonObject metadata = json(Http.get("/.well-known/openid-configuration").body());

        // Grows with each capability; every endpoint listed must exist (checked below).
        assertThat(metadata.keySet()).containsExactlyInAnyOrder("issuer", "subject_types_supported", "jwks_uri",
                "token_endpoint", "grant_types_supported", "token_endpoint_auth_methods_supported",
                "token_endpoint_auth_signing_alg_values_supported", "introspection_endpoint",
                "introspection_endpoint_auth_methods_supported", "introspection_endpoint_auth_signing_alg_values_supported",
                "introspection_signing_alg_values_supported", "revocation_endpoint",
                "revocation_endpoint_auth_methods_supported", "revocation_endpoint_auth_signing_alg_values_supported",
                "registration_endpoint", "authorization_endpoint", "response_types_supported", "response_modes_supported",
                "code_challenge_methods_supported", "authorization_response_iss_parameter_supported",
                "id_token_signing_alg_values_supported", "scopes_supported", "claims_supported", "claims_parameter_supported",
                "request_parameter_supported", "request_uri_parameter_supported", "prompt_values_supported",
                "display_values_supported", "acr_values_supported", "claim_types_supported", "userinfo_endpoint",
                "end_session_endpoint", "device_authorization_endpoint", "backchannel_logout_supported",
                "backchannel_logout_session_supported", "frontchannel_logout_supported", "frontchannel_logout_session_supported",
                "check_session_iframe");
        assertThat(metadata.getJsonArray("grant_types_supported").getValuesAs(jakarta.json.JsonString::getString))
                .as("implicit too: its response types are served, and the grant is registrable (RFC 8414 §2)")
                .containsExactlyInAnyOrder("authorization_code", "implicit", "client_credentials", "refresh_token", "password",
                        "urn:ietf:params:oauth:grant-type:token-exchange", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(metadata.getJsonArray("token_endpoint_auth_signing_alg_values_supported").toString()).doesNotContain("none");
        assertThat(metadata.getJsonArray("id_token_signing_alg_values_supported").toString()).doesNotContain("none");
        assertThat(metadata.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
        assertThat(metadata.getBoolean("request_uri_parameter_supported")).isFalse();
        assertThat(Http.get("/jwks").statusCode()).isEqualTo(200);
        // POST-only endpoints exist: a GET is 405, never 404.
        for (String endpoint : List.of("token_endpoint", "introspection_endpoint", "revocation_endpoint", "registration_endpoint",
                "device_authorization_endpoint")) {
            String path = metadata.getString(endpoint).substring(TesseraDeployment.issuer().length());
            assertThat(Http.get(path).statusCode()).as(endpoint).isEqualTo(405);
        }
        // The authorization endpoint shows its error page without a client; userinfo wants a token.
        assertThat(Http.get(path(metadata, "authorization_endpoint")).statusCode()).isEqualTo(400);
        assertThat(Http.get(path(metadata, "userinfo_endpoint")).statusCode()).isEqualTo(401);
    }

    @Test
    void jwksPublishesOnePublicKeyPerAlgorithmWithDistinctKids() throws Exception {
        HttpResponse<String> response = Http.get("/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        JWKSet set = JWKSet.parse(response.body());
        List<JWK> keys = set.getKeys();
        assertThat(keys).extracting(k -> k.getAlgorithm().getName())
                .containsExactlyInAnyOrder("RS256", "PS256", "ES256", "EdDSA");
        assertThat(keys).allSatisfy(k -> {
            assertThat(k.isPrivate()).as("private part of " + k.getKeyID()).isFalse();
            assertThat(k.getKeyUse().identifier()).isEqualTo("sig");
            assertThat(k.getKeyID()).isNotBlank();
        });
        Set<String> kids = keys.stream().map(JWK::getKeyID).collect(Collectors.toSet());
        assertThat(kids).hasSize(keys.size());
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(keys).filteredOn(k -> k.getAlgorithm().getName().startsWith("RS") || k.getAlgorithm().getName().startsWith("PS"))
                .allSatisfy(k -> assertThat(k.toRSAKey().size()).isGreaterThanOrEqualTo(2048));
    }

    @Test
    void jwksMaxAgeIsShorterThanThePrePublicationWindow() {
        String cacheControl = Http.get("/jwks").headers().firstValue("Cache-Control").orElseThrow();

        long maxAge = Long.parseLong(cacheControl.replaceAll(".*max-age=(\\d+).*", "$1"));
        assertThat(maxAge).isPositive().isLessThan(2 * 24 * 3600); // tessera.keys.pre-publication = P2D
    }

    @Test
    void readinessReportsDatabaseSchemaAndKeys() {
        HttpResponse<String> response = Http.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"", "reachable", "migrated", "active for 4 algorithms");
        assertThat(Http.get("/health/live").statusCode()).isEqualTo(200);
    }

    /** On Linux x86_64/aarch64 the build puts the native provider on Payara's class path, as the README's run does. */
    @Test
    void theNativeProviderServesWhereTheBuildProvidesIt() throws Exception {
        boolean expected = Boolean.getBoolean("it.native.crypto");
        JsonObject data = Admin.json(Http.get("/health/ready").body()).getJsonArray("checks").getJsonObject(0).getJsonObject("data");

        assertThat(data.getString("crypto-provider")).contains(expected ? "AmazonCorrettoCryptoProvider" : "(JDK; ");
        assertThat(data.getString("crypto-random")).as("the CSPRNG of every secret and token")
                .startsWith(expected ? "AmazonCorrettoCryptoProvider" : "SUN");
        assertThat(Http.get("/metrics").body())
                .containsPattern("tessera_crypto_provider\\{[^}]*native=\"" + expected + "\"[^}]*} 1");
        for (String alg : new String[] {"RS256", "PS256", "ES256", "EdDSA"}) {
            assertThat(AlgorithmTokens.verifiedClientId("native-", alg)).as(alg).isEqualTo("native-" + alg.toLowerCase());
        }
    }

    /** One set of series, each once (Payara's own MicroProfile Metrics are off), with Tessera's token counters. */
    @Test
    void metricsCountTokensAndErrorsByGrantClientAndCodeAndPrintEachSeriesOnce() {
        Scrape before = Scrape.now();
        Admin.token();
        HttpResponse<String> refused = Http.send(Http.request("/token").header("Authorization", Admin.basic("tessera-admin", "wrong"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> response = Http.get("/metrics");
        Scrape after = Scrape.of(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain").contains("version=0.0.4"));
        String issued = "tessera_token_requests_total";
        assertThat(after.sum(issued, "client=tessera-admin", "grant=client_credentials", "outcome=issued")
                - before.sum(issued, "client=tessera-admin", "grant=client_credentials", "outcome=issued")).isEqualTo(1);
        assertThat(after.sum("tessera_token_errors_total", "error=invalid_client") - before.sum("tessera_token_errors_total", "error=invalid_client"))
                .isEqualTo(1);
        assertThat(after.sum("tessera_token_request_seconds_count", "grant=client_credentials")).isPositive();
        assertThat(after.sum("jvm_memory_used_bytes", "area=heap")).isPositive();
        assertThat(response.body()).doesNotContain("mp_scope");
        assertThat(Http.send(Http.request("/metrics").header("Accept", "application/openmetrics-text; version=1.0.0")).body())
                .contains("# EOF");
    }

    @Test
    void openApiIsServed() {
        HttpResponse<String> openapi = Http.get("/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/jwks", "/.well-known/openid-configuration", "/token", "/introspect",
                "/revoke", "/admin/api/clients", "/admin/api/keys", "/admin/api/trusted-issuers");
    }

    @Test
    void everyResponseCarriesNosniffAndNoReferrerAndNoFramingOfPayaraDefault() {
        HttpResponse<String> response = Http.get("/jwks");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().allValues("X-Frame-Options")).isEmpty();
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty(); // http issuer
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void discoveryAndJwksAllowAnyOriginButOtherPathsDoNot() {
        for (String path : List.of("/jwks", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            HttpResponse<String> response = Http.send(Http.request(path).header("Origin", "https://app.example").GET());
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
        }
        HttpResponse<String> preflight = Http.send(Http.request("/jwks").header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");

        HttpResponse<String> other = Http.send(Http.request("/health/ready").header("Origin", "https://app.example").GET());
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> unknown = Http.send(Http.request("/nothing-here").header("Origin", "https://app.example").GET());
        assertThat(unknown.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void unknownPathIsJson404() {
        assertJsonError(Http.get("/no/such/endpoint"), 404, "not_found");
    }

    /** Paths under the pages' prefix that name no page: Mojarra threw for them (a 500 and a logged trace). */
    @Test
    void pathsUnderUiThatNameNoPageAreJson404() {
        for (String path : new String[] {"/ui", "/ui/", "/ui/tessera.css", "/ui/static/tessera.css", "/ui/login"}) {
            HttpResponse<String> response = Http.get(path);
            assertJsonError(response, 404, "not_found");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    /**
     * A sweep for the standard "never a 500": values a client library would hardly send (U+0000, invalid
     * UTF-8, an overlong encoding, CR LF, a bidi override, 3,000 characters) in every parameter Tessera reads,
     * at every endpoint, in the query and in a form body, with a real client's credentials. None may be a 5xx
     * or echo a header.
     */
    @Test
    void oddValuesInAnyParameterOfAnyEndpointAreNeverAServerError() {
        List<String> gets = List.of("/authorize", "/userinfo", "/logout", "/jwks", "/.well-known/openid-configuration",
                "/ui/login.xhtml", "/ui/consent.xhtml", "/ui/device.xhtml", "/ui/device-confirm.xhtml", "/ui/logout.xhtml");
        List<String> posts = List.of("/token", "/introspect", "/revoke", "/par", "/device_authorization", "/userinfo", "/logout");
        List<String> params = List.of("client_id", "redirect_uri", "response_type", "response_mode", "scope", "state", "nonce",
                "code_challenge", "code_challenge_method", "request", "request_uri", "claims", "max_age", "prompt", "id_token_hint",
                "post_logout_redirect_uri", "ui_locales", "login_hint", "acr_values", "id", "flow", "return", "user_code",
                "grant_type", "code", "code_verifier", "refresh_token", "resource", "audience", "token", "token_type_hint",
                "subject_token", "subject_token_type", "actor_token", "requested_token_type", "assertion", "client_assertion",
                "client_assertion_type", "device_code", "username", "password", "access_token");
        List<String> values = List.of("%00", "%FF%FE", "%C0%AF", "%0D%0AX-Injected:%201", "%E2%80%AE", "a".repeat(3000));
        String auth = Admin.basic(Admin.ID, Admin.SECRET);
        List<String> failures = new java.util.ArrayList<>();
        for (String param : params) {
            for (String value : values) {
                String pair = param + "=" + value;
                for (String path : gets) {
                    check(failures, "GET " + path + "?" + pair, Http.send(Http.request(path + "?" + pair).GET()));
                }
                for (String path : posts) {
                    check(failures, "POST " + path + " " + pair, Http.send(Http.request(path).header("Authorization", auth)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(pair + "&grant_type=client_credentials"))));
                }
            }
        }
        assertThat(failures).as("requests answered 5xx or with an injected header").isEmpty();
    }

    private static void check(List<String> failures, String request, HttpResponse<String> response) {
        if (response.statusCode() >= 500 || response.headers().firstValue("X-Injected").isPresent()) {
            failures.add(request.substring(0, Math.min(request.length(), 120)) + " -> " + response.statusCode());
        }
    }

    @Test
    void aBodyInAnUnknownCharsetIsInvalidRequestNotAServerError() {
        for (String charset : new String[] {"nope", "no good"}) {
            assertJsonError(Http.send(Http.request("/token")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=\"" + charset + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))), 400, "invalid_request");
        }
    }

    @Test
    void wrongMethodIsJson405WithAllow() {
        HttpResponse<String> response = Http.send(Http.request("/jwks").DELETE());

        assertJsonError(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    /** The container's own servlets answer an unknown method with 501, which was a 500 "Internal error". */
    @Test
    void anUnknownMethodOnAContainerServletIsJson405() {
        for (String path : new String[] {"/health/ready", "/metrics", "/static/tessera.css"}) {
            for (String method : new String[] {"PATCH", "PROPFIND"}) {
                assertJsonError(Http.send(Http.request(path).method(method, HttpRequest.BodyPublishers.noBody())), 405,
                        "method_not_allowed");
            }
        }
    }

    @Test
    void unacceptableMediaTypeIsJson406() {
        assertJsonError(Http.send(Http.request("/jwks").header("Accept", "application/xml").GET()), 406, "not_acceptable");
    }

    @Test
    void oversizedHeaderIsJson431() {
        String big = "a".repeat(20_000);
        assertJsonError(Http.send(Http.request("/jwks").header("X-Padding", big).GET()), 431, "request_header_fields_too_large");
    }

    /**
     * The answers the servlet filters give on their own carry what every answer carries: the request id first of all
     * (web.xml runs the request id's filter first; with annotated filters Payara ran the size limits before it, and a
     * 413 had no id to quote in a support ticket).
     */
    @Test
    void theFiltersOwnRefusalsCarryTheRequestIdAndTheCommonHeaders() {
        HttpResponse<String> headers = Http.send(Http.request("/jwks").header("X-Padding", "a".repeat(20_000)).GET());
        assertJsonError(headers, 431, "request_header_fields_too_large");
        HttpResponse<String> body = Http.send(Http.request("/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024])));
        assertJsonError(body, 413, "request_too_large");
        HttpResponse<String> inQuery = Http.send(Http.request("/token?client_secret=x")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertJsonError(inQuery, 400, "invalid_request");
        assertThat(json(inQuery.body()).getString("error_description")).as("answered by the credentials-in-the-query filter")
                .contains("never in the request URI");
        for (HttpResponse<String> refused : List.of(headers, body, inQuery)) {
            assertThat(refused.headers().firstValue("X-Request-Id")).as(refused.body()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).as(refused.body()).hasValue("nosniff");
        }
        // The Faces paths' 404 runs after the filter of every request: it carries the request id and (above) nosniff.
        HttpResponse<String> noPage = Http.send(Http.request("/ui/no-such-thing.css").GET());
        assertJsonError(noPage, 404, "not_found");
        assertThat(noPage.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void oversizedBodyIsJson413WhetherLengthIsDeclaredOrChunked() {
        byte[] megabyte = new byte[1024 * 1024];
        assertJsonError(Http.send(Http.request("/jwks").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(megabyte))), 413, "request_too_large");

        String chunked = Http.raw("POST /.well-known/openid-configuration HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(100_000) + "\r\n" + "x".repeat(100_000) + "\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 4").doesNotContain("<html", "Exception", "at dev.tessera");
        assertThat(chunked).contains("\"error\":");
    }

    @Test
    void malformedRequestIsAClean4xx() {
        String response = Http.raw("GET /jwks HTTP/1.1\r\nHost: localhost\r\nAccept: %%%\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 4").doesNotContain("<html", "Exception");
        assertThat(response).contains("\"error\":\"not_acceptable\"");
    }

    static String path(JsonObject metadata, String endpoint) {
        return metadata.getString(endpoint).substring(TesseraDeployment.issuer().length());
    }

    static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = json(response.body());
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("error_description")).isNotBlank().doesNotContain("Exception", "\tat ", "java.");
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
