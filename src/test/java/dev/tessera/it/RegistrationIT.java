package dev.tessera.it;

import static dev.tessera.it.FoundationIT.assertJsonError;
import static dev.tessera.it.FoundationIT.json;
import static dev.tessera.it.Registrations.adminToken;
import static dev.tessera.it.Registrations.initialToken;
import static dev.tessera.it.Registrations.issue;
import static dev.tessera.it.Registrations.register;
import static dev.tessera.it.Registrations.registerWithNimbus;
import static dev.tessera.it.Registrations.send;
import static dev.tessera.it.Registrations.token;
import static dev.tessera.it.Registrations.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.client.ClientDeleteRequest;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientReadRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.client.ClientUpdateRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dynamic client registration as a client meets it: initial access tokens from the admin API, RFC 7591
 * registration and RFC 7592 management driven by the Nimbus SDK, the registered client getting a token,
 * and the exact 400 and 401 answers for what must be refused.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {
    private static final String CB = "https://app.example/callback";
    private static final String CC = "{\"grant_types\": [\"client_credentials\"], \"scope\": \"orders:read\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @Test
    void nimbusRegistersAClientThatGetsAClientCredentialsToken() throws Exception {
        ClientInformation info = registerWithNimbus(initialToken("{}").getString("initial_access_token"));

        assertThat(info.getSecret().getValue()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(info.getRegistrationAccessToken().getValue()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(info.getRegistrationURI()).isEqualTo(uri("/register/" + info.getID().getValue()));
        assertThat(info.getMetadata().getName()).isEqualTo("Nightly batch");
        assertThat(info.getMetadata().getCustomField("require_consent")).isEqualTo(true);
        assertThat(token(info.getID(), info.getSecret(), new Scope("orders:read"))).isNotBlank();
    }

    @Test
    void nimbusRegistersAnOpenIdConnectWebClient() throws Exception {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(URI.create("https://app.example/callback"));
        metadata.setScope(new Scope("openid", "profile"));
        metadata.applyDefaults();
        HTTPResponse http = new OIDCClientRegistrationRequest(uri("/register"), metadata,
                new BearerAccessToken(initialToken("{}").getString("initial_access_token"))).toHTTPRequest().send();

        OIDCClientInformation info = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser.parse(http))
                .getOIDCClientInformation();
        assertThat(info.getOIDCMetadata().getRedirectionURIs()).containsExactly(URI.create("https://app.example/callback"));
        assertThat(info.getOIDCMetadata().getGrantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(info.getOIDCMetadata().getIDTokenJWSAlg().getName()).isEqualTo("RS256");
    }

    @Test
    void aRegistrantRegistersBackChannelLogoutOverHttpsOnlyAndNimbusReadsItBack() throws Exception {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(URI.create(CB));
        metadata.setBackChannelLogoutURI(URI.create("https://app.example/backchannel"));
        metadata.requiresBackChannelLogoutSession(true);
        metadata.applyDefaults();
        HTTPResponse http = new OIDCClientRegistrationRequest(uri("/register"), metadata,
                new BearerAccessToken(initialToken("{}").getString("initial_access_token"))).toHTTPRequest().send();
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(201);
        OIDCClientMetadata registered = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser.parse(http))
                .getOIDCClientInformation().getOIDCMetadata();
        assertThat(registered.getBackChannelLogoutURI()).isEqualTo(URI.create("https://app.example/backchannel"));
        assertThat(registered.requiresBackChannelLogoutSession()).isTrue();

        // Issue 19: plain http, even on loopback, only through the admin API (server-side request forgery).
        HttpResponse<String> loopback = register(initialToken("{}").getString("initial_access_token"),
                "{\"redirect_uris\": [\"" + CB + "\"], \"backchannel_logout_uri\": \"http://127.0.0.1:8080/admin\"}");
        assertJsonError(loopback, 400, "invalid_client_metadata");
        assertThat(json(loopback.body()).getString("error_description")).contains("backchannel_logout_uri must be an https URL");
    }

    @Test
    void anOpenIdClientRegisteredWithoutScopeSignsInWithTheDefaultScopesAndANonce() throws Exception {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(URI.create(CB));
        metadata.setInitiateLoginURI(URI.create("https://app.example/login"));
        metadata.applyDefaults();
        HTTPResponse http = new OIDCClientRegistrationRequest(uri("/register"), metadata,
                new BearerAccessToken(initialToken("{}").getString("initial_access_token"))).toHTTPRequest().send();
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(201);
        OIDCClientInformation info = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser.parse(http))
                .getOIDCClientInformation();

        // RFC 7591 §2: no scope asked for, so the server's default scope (tessera.registration.default-scope).
        assertThat(info.getOIDCMetadata().getScope().toStringList()).containsExactlyInAnyOrder("openid", "profile", "email", "address", "phone");
        assertThat(info.getOIDCMetadata().getCustomField("require_pkce")).isEqualTo(true);
        assertThat(info.getOIDCMetadata().getInitiateLoginURI()).isEqualTo(URI.create("https://app.example/login"));
        String clientId = info.getID().getValue();
        assertThat(json(send("GET", info.getRegistrationURI().getPath(), info.getRegistrationAccessToken().getValue(), null).body())
                .getString("initiate_login_uri")).isEqualTo("https://app.example/login");
        assertThat(json(send("GET", "/admin/api/clients/" + clientId, adminToken(), null).body())
                .getString("initiate_login_uri")).isEqualTo("https://app.example/login");

        // Without PKCE: a confidential client's OpenID request with a nonce binds the code (RFC 9700 §2.1.1).
        SignIn.createUser("registrant-user");
        Map<String, String> request = SignIn.codeRequest(clientId, CB, "openid email", null);
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(new Browser(), request, "registrant-user"));
        OIDCTokenResponse tokens = BrowserSignInIT.redeem(new ClientSecretBasic(info.getID(), info.getSecret()), null,
                answer.get("code"), CB, null);
        BrowserSignInIT.validator(clientId).validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));
        assertThat(BrowserSignInIT.userinfo(tokens.getOIDCTokens().getAccessToken()).getEmailAddress())
                .isEqualTo("registrant-user@example.com");
    }

    @Test
    void discoveryAdvertisesTheRegistrationEndpoint() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(Http.get("/.well-known/openid-configuration").body());

        assertThat(metadata.getRegistrationEndpointURI()).isEqualTo(uri("/register"));
    }

    @Test
    void registrantCannotChooseIdOrTesseraSettings() throws Exception {
        HttpResponse<String> response = register(initialToken("{}").getString("initial_access_token"),
                "{\"client_id\": \"chosen\", \"grant_types\": [\"client_credentials\"], \"require_consent\": false,"
                + " \"enabled\": false, \"allowed_resources\": [\"https://api.example\"], \"access_token_format\": \"opaque\","
                + " \"access_token_lifetime\": 86400, \"software_statement\": \"ignored\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject client = json(response.body());
        assertThat(client.getString("client_id")).isNotEqualTo("chosen");
        assertThat(client.getBoolean("require_consent")).isTrue();
        assertThat(client.getBoolean("enabled")).isTrue();
        assertThat(client.getJsonArray("allowed_resources")).isEmpty();
        assertThat(client.getString("access_token_format")).isEqualTo("jwt");
        assertThat(client.keySet()).doesNotContain("access_token_lifetime", "software_statement");
    }

    @Test
    void adminScopeCannotBeRegisteredAndRegisteredClientsCannotReachTheAdminApi() throws Exception {
        String initialToken = initialToken("{}").getString("initial_access_token");
        HttpResponse<String> admin = register(initialToken, "{\"grant_types\": [\"client_credentials\"], \"scope\": \"tessera:admin\"}");
        assertJsonError(admin, 400, "invalid_client_metadata");
        assertThat(json(admin.body()).getString("error_description")).contains("tessera:admin");

        ClientInformation info = registerWithNimbus(initialToken);
        HttpResponse<String> forbidden = issue(token(info.getID(), info.getSecret(), null), "{}");
        assertJsonError(forbidden, 403, "insufficient_scope");
        assertJsonError(issue("not-a-token", "{}"), 401, "invalid_token");
    }

    @Test
    void withoutInitialAccessTokenIs401WithBearerChallenge() {
        HttpResponse<String> response = register(null, CC);

        assertJsonError(response, 401, "invalid_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void expiredInitialAccessTokenIs401() throws Exception {
        String initialToken = initialToken("{\"expires_in\": 1}").getString("initial_access_token");
        Thread.sleep(1500);

        HttpResponse<String> response = register(initialToken, CC);
        assertJsonError(response, 401, "invalid_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tessera-registration\", error=\"invalid_token\"");
    }

    @Test
    void initialAccessTokenIsSpentOnlyBySuccessfulRegistrationsAndCanBeRevoked() throws Exception {
        JsonObject issued = initialToken("{\"uses\": 2, \"expires_in\": 600}");
        String initialToken = issued.getString("initial_access_token");
        assertThat(issued.getInt("uses")).isEqualTo(2);
        assertThat(issued.getJsonNumber("expires_at").longValue()).isGreaterThan(System.currentTimeMillis() / 1000);

        assertThat(register(initialToken, CC).statusCode()).isEqualTo(201);
        assertJsonError(register(initialToken, "{\"grant_types\": [\"password\"]}"), 400, "invalid_client_metadata");
        assertThat(register(initialToken, CC).statusCode()).as("the refused request gave its use back").isEqualTo(201);
        assertJsonError(register(initialToken, CC), 401, "invalid_token");

        JsonObject revoked = initialToken("{\"uses\": 5}");
        HttpResponse<String> delete = send("DELETE", "/admin/api/initial-access-tokens/" + revoked.getString("id"), adminToken(), null);
        assertThat(delete.statusCode()).isEqualTo(204);
        assertJsonError(register(revoked.getString("initial_access_token"), CC), 401, "invalid_token");
    }

    @Test
    void concurrentRegistrationsCannotShareTheLastUse() throws Exception {
        String initialToken = initialToken("{}").getString("initial_access_token");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> register(initialToken, CC).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> attempt : pool.invokeAll(attempts)) {
            statuses.add(attempt.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 401);
    }

    @Test
    void invalidMetadataIsRefusedWithTheRfc7591Errors() throws Exception {
        String initialToken = initialToken("{}").getString("initial_access_token");
        Map<String, String[]> cases = Map.of(
                "{\"redirect_uris\": [\"http://app.example/cb\"]}", new String[] {"invalid_redirect_uri", "127.0.0.1"},
                "{\"redirect_uris\": [\"https://app.example/cb#frag\"]}", new String[] {"invalid_redirect_uri", "fragment"},
                "{\"redirect_uris\": [\"https://app.example/cb\"], \"logo_uri\": \"http://app.example/logo.png\"}",
                new String[] {"invalid_client_metadata", "https"},
                "{\"grant_types\": [\"client_credentials\"], \"jwks_uri\": \"https://app.example/jwks\", \"jwks\": {\"keys\": []}}",
                new String[] {"invalid_client_metadata", "jwks and jwks_uri"},
                "{\"grant_types\": [\"client_credentials\"], \"response_types\": [\"code\"]}",
                new String[] {"invalid_client_metadata", "authorization_code"},
                "{\"redirect_uris\": [\"https://app.example/cb\"], \"initiate_login_uri\": \"http://app.example/login\"}",
                new String[] {"invalid_client_metadata", "initiate_login_uri"},
                "[1, 2]", new String[] {"invalid_client_metadata", "JSON object"},
                // Issue 18 point 1: a member named twice; point 5: a 1024-bit RSA key.
                "{\"grant_types\": [\"client_credentials\"], \"client_name\": \"a\", \"client_name\": \"b\"}",
                new String[] {"invalid_client_metadata", "twice"},
                "{\"grant_types\": [\"client_credentials\"], \"token_endpoint_auth_method\": \"private_key_jwt\", \"jwks\": {\"keys\": ["
                + RsaJwkGenerator.generateJwk(1024).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}}",
                new String[] {"invalid_client_metadata", "1024 bits"},
                // Issue 18 point 1: one character past the column, named; before, a 500 from the failed insert.
                "{\"grant_types\": [\"client_credentials\"], \"client_name\": \"" + "n".repeat(201) + "\"}",
                new String[] {"invalid_client_metadata", "client_name is longer than the 200 characters"});
        cases.forEach((metadata, expected) -> {
            HttpResponse<String> response = register(initialToken, metadata);
            assertJsonError(response, 400, expected[0]);
            assertThat(json(response.body()).getString("error_description")).as(metadata).contains(expected[1]);
        });
        assertThat(register(initialToken, CC).statusCode()).as("no refusal spent the single use").isEqualTo(201);
    }

    @Test
    void nimbusReadsUpdatesAndDeletesItsRegistration() throws Exception {
        ClientInformation info = registerWithNimbus(initialToken("{}").getString("initial_access_token"));
        ClientInformation other = registerWithNimbus(initialToken("{}").getString("initial_access_token"));
        URI self = info.getRegistrationURI();
        BearerAccessToken rat = info.getRegistrationAccessToken();

        HTTPResponse read = new ClientReadRequest(self, rat).toHTTPRequest().send();
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getBodyAsJSONObject()).doesNotContainKey("client_secret").containsEntry("registration_access_token", rat.getValue());

        HttpResponse<String> wrong = send("GET", self.getPath(), "wrong-token", null);
        assertJsonError(wrong, 401, "invalid_token");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        assertJsonError(send("GET", other.getRegistrationURI().getPath(), rat.getValue(), null), 401, "invalid_token");
        assertJsonError(send("GET", "/register/no-such-client", rat.getValue(), null), 401, "invalid_token");

        ClientMetadata changed = info.getMetadata();
        changed.setName("Renamed batch");
        changed.setScope(new Scope("orders:read", "orders:write"));
        HTTPResponse updated = new ClientUpdateRequest(self, info.getID(), rat, changed, info.getSecret()).toHTTPRequest().send();
        ClientInformation after = ClientRegistrationResponse.parse(updated).toSuccessResponse().getClientInformation();
        assertThat(after.getMetadata().getName()).isEqualTo("Renamed batch");
        assertThat(token(info.getID(), info.getSecret(), new Scope("orders:write"))).isNotBlank();
        assertJsonError(send("PUT", self.getPath(), rat.getValue(), "{\"client_id\": \"" + info.getID() + "\", \"client_secret\": \"guess\"}"),
                400, "invalid_client_metadata");
        assertJsonError(send("PUT", self.getPath(), rat.getValue(), "{\"client_id\": \"someone-else\"}"), 400, "invalid_client_metadata");

        HTTPResponse deleted = new ClientDeleteRequest(self, rat).toHTTPRequest().send();
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertJsonError(send("GET", self.getPath(), rat.getValue(), null), 401, "invalid_token");
        TokenResponse refused = TokenResponse.parse(new TokenRequest(uri("/token"), new ClientSecretBasic(info.getID(), info.getSecret()),
                new ClientCredentialsGrant(), null).toHTTPRequest().send());
        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }
}
