package dev.tessera.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one routine behind a redeemed code or device code: what its first redemption issues and records, and
 * what a replay revokes, for how long.
 */
class ArtifactGrantsTest {
    static final Instant ISSUED = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant REPLAYED = ISSUED.plusSeconds(90);

    final GrantFakes fakes = new GrantFakes();
    final GrantFakes.Revocations revocations = new GrantFakes.Revocations(Clock.fixed(REPLAYED, ZoneOffset.UTC));
    final ArtifactGrants grants = GrantFakes.artifactGrants(fakes.users, fakes.tokens, fakes.refreshTokens, revocations,
            fakes.artifacts);
    final UserGrant grant = new UserGrant("grant-7", "web",
            new SignIn("alice", new Authentication(ISSUED.minusSeconds(5), List.of("pwd"), "acr-1"), "sid-7"),
            Set.of("openid"), List.of("https://api.example.com"), null);

    /** A stored artifact of {@link #grant}; the subclass stands in for the code and device code entities. */
    OneTimeArtifact artifact() {
        return new OneTimeArtifact("h", grant, ISSUED, ISSUED.plusSeconds(60)) {
            @Override
            public UserGrant userGrant() {
                return userGrant("sid-7", null);
            }
        };
    }

    @Test
    void aReplayRevokesTheFamilyAndTheAccessTokenUntilItsOwnExpiryNotADay() {
        OneTimeArtifact code = artifact();
        // A client whose access tokens live two hours: the entry must outlast the default lifetime and a day's guess alike.
        GrantFakes.accessTokenIssued(code, "jti-2h", 7200, ISSUED);

        grants.revokeReplayed(code);

        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("grant-7");
        assertThat(revocations.until).containsExactly(entry("jti-2h", ISSUED.plusSeconds(7200)));
    }

    @Test
    void aReplayAfterTheAccessTokenExpiredListsNothingButStillEndsTheFamily() {
        OneTimeArtifact code = artifact();
        GrantFakes.accessTokenIssued(code, "jti-short", 60, ISSUED);

        grants.revokeReplayed(code);

        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("grant-7");
        assertThat(revocations.revoked).isEmpty();
    }

    @Test
    void aReplayBeforeAnyAccessTokenWasRecordedEndsTheFamilyOnly() {
        grants.revokeReplayed(artifact());

        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("grant-7");
        assertThat(revocations.revoked).isEmpty();
    }

    @Test
    void aRowWithoutTheExpiryIsRevokedForTheConfiguredLifetime() {
        OneTimeArtifact legacy = artifact();
        GrantFakes.accessTokenIssued(legacy, "jti-old", 300, ISSUED);
        GrantFakes.forgetAccessExpiry(legacy);

        grants.revokeReplayed(legacy);

        Duration configured = TokenFixtures.SETTINGS.accessTokenLifetime();
        assertThat(revocations.until).containsEntry("jti-old", REPLAYED.plus(configured));
    }

    @Test
    void theFirstRedemptionIssuesForTheArtifactsGrantAndRecordsTheAccessToken() {
        OneTimeArtifact code = artifact();

        TokenResponse response = grants.issue(GrantFakes.authenticated("web").client(), code, "n-1");

        assertThat(response).isSameAs(fakes.tokens.response);
        assertThat(fakes.tokens.grant.grant()).isEqualTo(grant);
        assertThat(fakes.tokens.issuedFor.subject()).isEqualTo("alice");
        assertThat(fakes.tokens.nonce).isEqualTo("n-1");
        assertThat(fakes.artifacts.recordedOn).isSameAs(code);
        assertThat(fakes.artifacts.recordedJti).isEqualTo("jti-1");
    }

    @Test
    void aUserWhoMayNoLongerSignInGetsNothingAndNothingIsRecorded() {
        fakes.users.enabled = false;

        assertThatThrownBy(() -> grants.issue(GrantFakes.authenticated("web").client(), artifact(), null))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT));
        assertThat(fakes.tokens.issuedFor).isNull();
        assertThat(fakes.artifacts.recordedJti).isNull();
    }

    @Test
    void theAccessTokenIsRecordedWithTheExpiryItsLifetimeGives() {
        OneTimeArtifact code = artifact();

        code.accessTokenIssued(new IssuedAccessToken("at", "jti-9", 450, Set.of()), ISSUED);

        assertThat(code.accessJti()).isEqualTo("jti-9");
        assertThat(code.accessExpiresAt()).isEqualTo(ISSUED.plusSeconds(450));
    }
}
