package dev.tessera.token;

import dev.tessera.authorize.AuthorizationCode;
import dev.tessera.authorize.AuthorizationCodes;
import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory stand-ins for what the user grants talk to, recording what they were asked to do. */
public final class GrantFakes {
    public final Codes codes = new Codes();
    public final Refresh refreshTokens = new Refresh();
    public final Revocations revocations = new Revocations();
    public final Users users = new Users();
    public final Tokens tokens = new Tokens();

    public static AuthenticatedClient authenticated(String clientId) {
        Client client = new Client(clientId, ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
        client.grantTypes(Set.of("authorization_code", "refresh_token"));
        return new AuthenticatedClient(client, ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    public static RefreshGrant refreshGrant(Set<String> scope) {
        return new RefreshGrant("fam-1", "web", "alice", scope, List.of(), "sid-1", Instant.EPOCH, List.of("pwd"), null, null,
                false, Instant.now().plusSeconds(3600));
    }

    public static final class Codes extends AuthorizationCodes {
        public AuthorizationCodes.Redemption next;
        public String recordedJti;

        @Override
        public Redemption redeem(String code) {
            return next;
        }

        @Override
        public void recordAccessToken(AuthorizationCode code, String jti) {
            recordedJti = jti;
        }
    }

    public static final class Refresh extends RefreshTokens {
        public final List<String> revokedFamilies = new ArrayList<>();
        public RefreshGrant rotated;
        public Set<String> requestedScope;

        @Override
        public RefreshGrant newFamily(String familyId, Client client, String subject, Set<String> scope, List<String> resources,
                String sid, Instant authTime, List<String> amr, String acr, String claims) {
            return new RefreshGrant(familyId, client.clientId(), subject, scope, resources, sid, authTime, amr, acr, claims, false,
                    Instant.now().plusSeconds(3600));
        }

        @Override
        public Optional<RefreshToken> findLive(String value) {
            return Optional.ofNullable(rotated).map(RefreshTokenFixtures::live);
        }

        @Override
        public RefreshGrant rotate(String value, Client client, Set<String> requested) {
            requestedScope = requested;
            if (rotated == null) {
                throw new OAuthException(OAuthError.INVALID_GRANT, "invalid");
            }
            return requested == null ? rotated : rotated.narrowedTo(requested);
        }

        @Override
        public void revokeFamily(String familyId) {
            revokedFamilies.add(familyId);
        }
    }

    public static final class Revocations extends RevocationList {
        public final List<String> revoked = new ArrayList<>();

        @Override
        public void revoke(String jti, Instant expiresAt) {
            revoked.add(jti);
        }
    }

    public static final class Users implements UserDirectory {
        public boolean enabled = true;

        @Override
        public LoginResult authenticate(String username, String password, String clientAddress) {
            throw new UnsupportedOperationException("not used by these grants");
        }

        @Override
        public Optional<UserAccount> findBySubject(String subject) {
            return Optional.of(new UserAccount(subject, subject, enabled, Map.of(), List.of()));
        }
    }

    public static final class Tokens extends UserTokens {
        public final TokenResponse response = new TokenResponse("at", 300, Set.of("openid"), "rt", "idt");
        public UserAccount issuedFor;
        public RefreshGrant grant;
        public String nonce;

        @Override
        public Issued issue(Client client, UserAccount user, RefreshGrant grant, String nonce) {
            this.issuedFor = user;
            this.grant = grant;
            this.nonce = nonce;
            return new Issued(response, new IssuedAccessToken("at", "jti-1", 300, grant.scope()));
        }
    }
}
