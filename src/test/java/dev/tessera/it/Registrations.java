package dev.tessera.it;

import static dev.tessera.it.FoundationIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Steps the registration tests share: an admin token from the bootstrap admin client (its secret is set
 * in arquillian.xml), initial access tokens from the admin API, registration by raw JSON or by Nimbus,
 * and client_credentials tokens for the clients registered.
 */
final class Registrations {
    static final String ADMIN_ID = "tessera-admin";
    static final String ADMIN_SECRET = "it-admin-secret";

    private Registrations() {
    }

    static URI uri(String path) {
        return URI.create(TesseraDeployment.issuer() + path);
    }

    static String token(ClientID id, Secret secret, Scope scope) throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(uri("/token"), new ClientSecretBasic(id, secret),
                new ClientCredentialsGrant(), scope).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    static String adminToken() throws Exception {
        return token(new ClientID(ADMIN_ID), new Secret(ADMIN_SECRET), null);
    }

    static HttpResponse<String> issue(String bearer, String body) {
        return Http.send(Http.request("/admin/api/initial-access-tokens").header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonObject initialToken(String body) throws Exception {
        HttpResponse<String> response = issue(adminToken(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return json(response.body());
    }

    static HttpResponse<String> register(String initialToken, String metadata) {
        HttpRequest.Builder request = Http.request("/register").header("Content-Type", "application/json");
        if (initialToken != null) {
            request.header("Authorization", "Bearer " + initialToken);
        }
        return Http.send(request.POST(HttpRequest.BodyPublishers.ofString(metadata)));
    }

    static HttpResponse<String> send(String method, String path, String bearer, String body) {
        return Http.send(Http.request(path).header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    static ClientInformation registerWithNimbus(String initialToken) throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        metadata.setScope(new Scope("orders:read"));
        metadata.setName("Nightly batch");
        HTTPResponse http = new ClientRegistrationRequest(uri("/register"), metadata, new BearerAccessToken(initialToken))
                .toHTTPRequest().send();
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(201);
        assertThat(http.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        ClientRegistrationResponse response = ClientRegistrationResponse.parse(http);
        assertThat(response.toSuccessResponse().isForNewClient()).isTrue();
        return response.toSuccessResponse().getClientInformation();
    }
}
