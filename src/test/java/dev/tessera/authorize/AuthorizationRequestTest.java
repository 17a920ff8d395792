package dev.tessera.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validated request survives the pending authorization's JSON unchanged. */
class AuthorizationRequestTest {
    static final AuthorizationRequest FULL = new AuthorizationRequest("web", "https://rp.example.com/cb?x=1&y=\"2\"", true,
            "code id_token", ResponseMode.FORM_POST, new LinkedHashSet<>(List.of("openid", "profile", "email")), "st-\u00e9 &=",
            "n-1", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256", new LinkedHashSet<>(List.of("login", "consent")), 0L,
            "ada@example.com", "eyJ.x.y", "de-CH en", "urn:mace:incommon:iap:silver",
            "{\"id_token\":{\"email\":{\"essential\":true}},\"userinfo\":null}", List.of("https://api.example.com", "https://files.example.com"));
    static final AuthorizationRequest MINIMAL = new AuthorizationRequest("spa", "http://127.0.0.1:5000/cb", false, "code",
            ResponseMode.QUERY, Set.of(), null, null, null, null, Set.of(), null, null, null, null, null, null, List.of());

    @Test
    void everyFieldRoundTrips() {
        AuthorizationRequest back = AuthorizationRequest.fromJson(FULL.toJson());
        assertThat(back).isEqualTo(FULL);
        assertThat(back.scope()).containsExactly("openid", "profile", "email");
        assertThat(back.prompt()).containsExactly("login", "consent");
        assertThat(back.maxAge()).isZero();
    }

    @Test
    void absentPartsStayAbsent() {
        AuthorizationRequest back = AuthorizationRequest.fromJson(MINIMAL.toJson());
        assertThat(back).isEqualTo(MINIMAL);
        assertThat(back.state()).isNull();
        assertThat(back.maxAge()).isNull();
        JsonObject json = Json.createReader(new StringReader(MINIMAL.toJson())).readObject();
        assertThat(json.keySet()).containsExactlyInAnyOrder("client_id", "redirect_uri", "redirect_uri_given", "response_type",
                "response_mode", "scope", "prompt", "resources");
    }

    @Test
    void theJsonUsesTheWireNames() {
        JsonObject json = Json.createReader(new StringReader(FULL.toJson())).readObject();
        assertThat(json.getString("response_mode")).isEqualTo("form_post");
        assertThat(json.getString("claims")).isEqualTo(FULL.claims());
        assertThat(json.getJsonNumber("max_age").longValue()).isZero();
        assertThat(json.getBoolean("redirect_uri_given")).isTrue();
    }

    @Test
    void largeMaxAgeRoundTrips() {
        AuthorizationRequest huge = new AuthorizationRequest("spa", "http://127.0.0.1/cb", false, "code", ResponseMode.QUERY, Set.of(),
                null, null, null, null, Set.of(), Long.MAX_VALUE, null, null, null, null, null, List.of());
        assertThat(AuthorizationRequest.fromJson(huge.toJson()).maxAge()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void responseTypeParts() {
        assertThat(FULL.responseTypeParts()).containsExactlyInAnyOrder("code", "id_token");
        assertThat(FULL.wants("id_token")).isTrue();
        assertThat(FULL.wants("token")).isFalse();
        assertThat(MINIMAL.wants("code")).isTrue();
    }
}
