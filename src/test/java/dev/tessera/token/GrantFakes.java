package dev.tessera.token;

import dev.tessera.audit.RecordingAuditLog;
import dev.tessera.authorize.AuthorizationCodes;
import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory stand-ins for what the user grants talk to, recording what they were asked to do. */
public final class GrantFakes {
    public final Codes codes = new Codes();
    public final Refresh refreshTokens = new Refresh();
    public final Revocations revocations = new Revocations(Clock.systemUTC());
    public final Artifacts artifacts = new Artifacts();
    public final Users users = new Users();
    public final Tokens tokens = new Tokens();

    public static AuthenticatedClient authenticated(String clientId) {
        Client client = new Client(clientId, ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
        client.grantTypes(Set.of("authorization_code", "refresh_token"));
        return new AuthenticatedClient(client, ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    public static RefreshGrant refreshGrant(Set<String> scope) {
        SignIn alice = new SignIn("alice", new Authentication(Instant.EPOCH, List.of("pwd"), null), "sid-1");
        return new RefreshGrant(new UserGrant("fam-1", "web", alice, scope, List.of(), null), false, Instant.now().plusSeconds(3600));
    }

    /** The real {@link ArtifactGrants} over the given stand-ins (its fields are package-private). */
    public static ArtifactGrants artifactGrants(UserDirectory users, UserTokens tokens, RefreshTokens refreshTokens,
            RevocationList revocations, OneTimeArtifacts artifacts) {
        ArtifactGrants grants = new ArtifactGrants();
        grants.users = users;
        grants.tokens = tokens;
        grants.refreshTokens = refreshTokens;
        grants.revocations = revocations;
        grants.artifacts = artifacts;
        grants.audit = new RecordingAuditLog();
        return grants;
    }

    /** {@link #artifactGrants(UserDirectory, UserTokens, RefreshTokens, RevocationList, OneTimeArtifacts)} over these fakes. */
    public ArtifactGrants artifactGrants() {
        return artifactGrants(users, tokens, refreshTokens, revocations, artifacts);
    }

    /** Marks an artifact as having issued an access token of {@code expiresIn} seconds at {@code at}, as its first redemption does. */
    public static void accessTokenIssued(OneTimeArtifact artifact, String jti, long expiresIn, Instant at) {
        artifact.accessTokenIssued(new IssuedAccessToken("at", jti, expiresIn, Set.of()), at);
    }

    /** As a row written before access_expires_at existed (or by a node not yet upgraded): the jti without its expiry. */
    public static void forgetAccessExpiry(OneTimeArtifact artifact) {
        try {
            Field expiry = OneTimeArtifact.class.getDeclaredField("accessExpiresAt");
            expiry.setAccessible(true);
            expiry.set(artifact, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Codes extends AuthorizationCodes {
        public AuthorizationCodes.Redemption next;

        @Override
        public Redemption redeem(String code) {
            return next;
        }
    }

    /** Records the access token a redemption links to its artifact instead of writing it. */
    public static final class Artifacts extends OneTimeArtifacts {
        public String recordedJti;
        public OneTimeArtifact recordedOn;

        @Override
        public void recordAccessToken(OneTimeArtifact artifact, IssuedAccessToken access) {
            recordedOn = artifact;
            recordedJti = access.jti();
        }
    }

    public static final class Refresh extends RefreshTokens {
        public final List<String> revokedFamilies = new ArrayList<>();
        public RefreshGrant rotated;
        public Set<String> requestedScope;

        @Override
        public RefreshGrant newFamily(UserGrant grant, Client client) {
            return new RefreshGrant(grant, false, Instant.now().plusSeconds(3600));
        }

        @Override
        public Optional<RefreshToken> findLive(String value) {
            return Optional.ofNullable(rotated).map(RefreshTokenFixtures::live);
        }

        @Override
        public Optional<RefreshToken> find(String value) {
            return findLive(value);
        }

        @Override
        public Optional<RefreshToken> stored(String value) {
            return findLive(value);
        }

        @Override
        public boolean withinFamilyLifetime(RefreshToken token) {
            return true;
        }

        @Override
        public RefreshGrant rotate(RefreshToken token, Client client, Set<String> requested) {
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

    /** Revocations in a list, with the configured lifetimes of {@link TokenFixtures#SETTINGS} and a clock of the test's choice. */
    public static final class Revocations extends RevocationList {
        public final List<String> revoked = new ArrayList<>();
        public final Map<String, Instant> until = new LinkedHashMap<>();

        public Revocations(Clock clock) {
            this.clock = clock;
            this.settings = TokenFixtures.SETTINGS;
        }

        @Override
        public void revoke(String jti, Instant expiresAt) {
            revoked.add(jti);
            until.put(jti, expiresAt);
        }
    }

    public static final class Users implements UserDirectory {
        public boolean enabled = true;

        @Override
        public LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie) {
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
