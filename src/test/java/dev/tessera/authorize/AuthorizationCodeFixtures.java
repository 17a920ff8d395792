package dev.tessera.authorize;

import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import dev.tessera.token.GrantFakes;
import dev.tessera.token.UserGrant;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Builds authorization codes for tests outside this package (the constructor is package-private). */
public final class AuthorizationCodeFixtures {
    private AuthorizationCodeFixtures() {
    }

    /** Marks the code as having issued an access token (living 300 s from now), as the grant does after its first redemption. */
    public static AuthorizationCode withAccessJti(AuthorizationCode code, String jti) {
        GrantFakes.accessTokenIssued(code, jti, 300, Instant.now());
        return code;
    }

    /**
     * @param redirectUriGiven whether the authorization request carried redirect_uri
     * @param challenge        S256 code challenge, or null for a request without PKCE
     */
    public static AuthorizationCode code(String clientId, String subject, boolean redirectUriGiven, String challenge) {
        AuthorizationRequest request = request(clientId, redirectUriGiven, challenge);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SignIn signIn = new SignIn(subject, new Authentication(now, List.of("pwd"), "acr"), "sid-1");
        UserGrant grant = new UserGrant("grant-1", clientId, signIn, request.scope(), request.resources(), request.claims());
        return new AuthorizationCode("hash", grant, request, now, now.plusSeconds(60));
    }

    /** A code as {@link AuthorizationCodes#issue} stores it for this grant, living 60 seconds from {@code now}, with S256 PKCE. */
    public static AuthorizationCode stored(String hash, UserGrant grant, Instant now) {
        return new AuthorizationCode(hash, grant, request(grant.clientId(), true, "c".repeat(43)), now, now.plusSeconds(60));
    }

    private static AuthorizationRequest request(String clientId, boolean redirectUriGiven, String challenge) {
        return new AuthorizationRequest(clientId, "https://rp.example.com/cb", redirectUriGiven, "code",
                ResponseMode.QUERY, Set.of("openid", "profile"), "st", "n-1", challenge, challenge == null ? null : "S256",
                Set.of(), null, null, null, null, null, null, List.of());
    }
}
