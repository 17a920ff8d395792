package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The token-minting and token-reading beans that grant handlers use, wired by hand for tests in other
 * packages (their fields are package-private): the real access token, ID token and refresh-family code
 * over {@link TokenFixtures}' key ring, with refresh tokens kept in a list instead of a table.
 */
public final class GrantFixtures {
    public static final Instant NOW = TokenFixtures.NOW;
    public static final String ISSUER = TokenFixtures.ISSUER;
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TokenFixtures tokens = new TokenFixtures();
    public final FakeRefreshTokens refreshTokens = new FakeRefreshTokens();
    public final IdTokenIssuer idTokens = new IdTokenIssuer();
    public final IdTokenInspector idInspector = new IdTokenInspector();

    public GrantFixtures() {
        refreshTokens.settings = TokenFixtures.SETTINGS;
        refreshTokens.clock = CLOCK;
        idTokens.issuer = new Issuer(ISSUER);
        idTokens.signer = dev.tessera.keys.KeyFixtures.signer(tokens.ring);
        idTokens.settings = TokenFixtures.SETTINGS;
        idTokens.clock = CLOCK;
        idInspector.issuer = new Issuer(ISSUER);
        idInspector.ring = tokens.ring;
        idInspector.clock = CLOCK;
    }

    public AccessTokenIssuer accessTokens() {
        return tokens.issuer;
    }

    /** An inspector reading at {@link #NOW}, sharing this fixture's revocations and opaque tokens. */
    public AccessTokenInspector inspector() {
        return tokens.inspectorAt(NOW);
    }

    /** Revokes a JWT access token by its jti, as RFC 7009 revocation does. */
    public void revoke(String jti) {
        tokens.revocations.revoke(jti, NOW.plusSeconds(600));
    }

    /** An ID token for {@code client} about {@code user}, as the code grant issues it. */
    public String idToken(Client client, UserAccount user) {
        SignIn signIn = new SignIn(user.subject(), new Authentication(NOW.minusSeconds(60), List.of("pwd"), null), null);
        UserGrant grant = new UserGrant("grant-1", client.clientId(), signIn, Set.of("openid"), List.of(), null);
        return idTokens.issue(new IdTokenRequest(client, user, grant, new IdTokenRequest.Bindings(null, null, null), false));
    }

    /** Refresh tokens without a database: each issue is recorded, with the grant it carries. */
    public static final class FakeRefreshTokens extends RefreshTokens {
        public final List<RefreshGrant> issued = new ArrayList<>();

        @Override
        public String issue(RefreshGrant grant, Client client, IssuedAccessToken access) {
            issued.add(grant);
            return "refresh-" + issued.size();
        }
    }
}
