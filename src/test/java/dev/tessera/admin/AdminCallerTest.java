package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The admin caller reads as Payara's MicroProfile JWT presented admin tokens before. */
class AdminCallerTest {
    private static final String RAW = "eyJ.raw.token";

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://sso.example.com");
        claims.setSubject("tessera-admin");
        claims.setAudience(List.of("https://sso.example.com", "https://api.example.com"));
        claims.setClaim("client_id", "tessera-admin");
        claims.setClaim("scope", "tessera:admin read");
        claims.setIssuedAt(NumericDate.fromSeconds(1_800_000_000L));
        claims.setExpirationTime(NumericDate.fromSeconds(1_800_000_600L));
        claims.setJwtId("jti-1");
        claims.setClaim("cnf", Map.of("jkt", "thumbprint"));
        claims.setClaim("max_age", 3600);
        claims.setClaim("mfa", true);
        return claims;
    }

    @Test
    void theStandardClaimsReadWithMicroProfileJwtsTypes() {
        AdminCaller caller = new AdminCaller(RAW, claims());

        assertThat(caller.getName()).isEqualTo("tessera-admin");
        assertThat(caller.getRawToken()).isEqualTo(RAW);
        assertThat(caller.getIssuer()).isEqualTo("https://sso.example.com");
        assertThat(caller.getSubject()).isEqualTo("tessera-admin");
        assertThat(caller.getTokenID()).isEqualTo("jti-1");
        assertThat(caller.getAudience()).containsExactlyInAnyOrder("https://sso.example.com", "https://api.example.com");
        assertThat(caller.getExpirationTime()).isEqualTo(1_800_000_600L);
        assertThat(caller.getIssuedAtTime()).isEqualTo(1_800_000_000L);
        assertThat(caller.<Object>getClaim(Claims.exp)).isEqualTo(1_800_000_600L);
        assertThat(caller.getGroups()).as("no groups claim: null, as Payara's MP-JWT answered").isNull();
    }

    @Test
    void otherClaimsAreStringsOrJsonValues() {
        AdminCaller caller = new AdminCaller(RAW, claims());

        assertThat(caller.<String>getClaim("scope")).isEqualTo("tessera:admin read");
        assertThat(caller.<String>getClaim("client_id")).isEqualTo("tessera-admin");
        assertThat(caller.<JsonObject>getClaim("cnf").getString("jkt")).isEqualTo("thumbprint");
        assertThat(caller.<JsonNumber>getClaim("max_age").intValue()).isEqualTo(3600);
        assertThat(caller.<JsonValue>getClaim("mfa")).isEqualTo(JsonValue.TRUE);
        assertThat(caller.<Object>getClaim("absent")).isNull();
        assertThat(caller.containsClaim("absent")).isFalse();
        assertThat(caller.getClaimNames()).contains("iss", "sub", "aud", "exp", "scope", "cnf", "raw_token");
    }

    @Test
    void aSingleAudienceIsASetAndTheNamePrefersUpnThenPreferredUsername() {
        JwtClaims claims = claims();
        claims.setAudience("https://sso.example.com");
        claims.setClaim("preferred_username", "ada");
        assertThat(new AdminCaller(RAW, claims).getAudience()).isEqualTo(Set.of("https://sso.example.com"));
        assertThat(new AdminCaller(RAW, claims).getName()).isEqualTo("ada");
        claims.setClaim("upn", "ada@example.com");
        assertThat(new AdminCaller(RAW, claims).getName()).isEqualTo("ada@example.com");
    }

    @Test
    void itsTextNeverCarriesTheToken() {
        assertThat(new AdminCaller(RAW, claims()).toString()).isEqualTo("AdminCaller[tessera-admin]").doesNotContain(RAW);
    }
}
