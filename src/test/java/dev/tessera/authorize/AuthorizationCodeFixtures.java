package dev.tessera.authorize;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Builds authorization codes for tests outside this package (the constructor is package-private). */
public final class AuthorizationCodeFixtures {
    private AuthorizationCodeFixtures() {
    }

    /** Marks the code as having issued an access token, as the grant does after its first redemption. */
    public static AuthorizationCode withAccessJti(AuthorizationCode code, String jti) {
        code.accessTokenIssued(jti);
        return code;
    }

    /**
     * @param redirectUriGiven whether the authorization request carried redirect_uri
     * @param challenge        S256 code challenge, or null for a request without PKCE
     */
    public static AuthorizationCode code(String clientId, String subject, boolean redirectUriGiven, String challenge) {
        AuthorizationRequest request = new AuthorizationRequest(clientId, "https://rp.example.com/cb", redirectUriGiven, "code",
                ResponseMode.QUERY, Set.of("openid", "profile"), "st", "n-1", challenge, challenge == null ? null : "S256",
                Set.of(), null, null, null, null, null, null, List.of());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new AuthorizationCode("hash", "grant-1", request, subject, "sid-1", now, List.of("pwd"), "acr", now, now.plusSeconds(60));
    }
}
