package dev.tessera.device;

import static dev.tessera.device.DeviceFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.token.IssuedAccessToken;
import dev.tessera.token.RefreshGrant;
import dev.tessera.token.RefreshTokens;
import dev.tessera.token.GrantFakes;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.token.UserGrant;
import dev.tessera.token.UserTokens;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The device code grant turns each poll answer into its RFC 8628 §3.5 error, or into the user's tokens. */
class DeviceCodeGrantTest {
    final FakeCodes codes = new FakeCodes();
    final FakeRefreshTokens refreshTokens = new FakeRefreshTokens();
    final GrantFakes.Revocations revocations = new GrantFakes.Revocations(Clock.fixed(START, ZoneOffset.UTC));
    final GrantFakes.Artifacts artifacts = new GrantFakes.Artifacts();
    final FakeUserTokens tokens = new FakeUserTokens();
    final Map<String, UserAccount> accounts = new java.util.HashMap<>();
    final DeviceCodeGrant grant = new DeviceCodeGrant();
    final Client tv = new Client("tv", ClientAuthMethod.NONE, START);

    @BeforeEach
    void wire() {
        UserDirectory users = new UserDirectory() {
            @Override
            public LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                return Optional.ofNullable(accounts.get(subject));
            }
        };
        grant.codes = codes;
        grant.grants = GrantFakes.artifactGrants(users, tokens, refreshTokens, revocations, artifacts);
        accounts.put("sub-1", new UserAccount("sub-1", "ada", true, Map.of(), List.of()));
    }

    private TokenResponse poll() {
        return grant.handle(new TokenRequest(FormParameters.parse("grant_type=x&device_code=dc", Set.of()),
                new AuthenticatedClient(tv, ClientAuthMethod.NONE), FixedRequestContext.from("192.0.2.1")));
    }

    @ParameterizedTest
    @CsvSource({"AUTHORIZATION_PENDING, authorization_pending", "SLOW_DOWN, slow_down", "ACCESS_DENIED, access_denied",
            "EXPIRED_TOKEN, expired_token", "UNKNOWN, invalid_grant"})
    void eachAnswerIsItsErrorCodeWithStatus400(PollAnswer answer, String code) {
        codes.next = new DeviceCodes.Poll(answer, answer == PollAnswer.UNKNOWN ? null : DeviceFixtures.pending());

        assertThatThrownBy(this::poll).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().status()).isEqualTo(400);
        });
        assertThat(codes.polledFor).isEqualTo("tv");
    }

    @Test
    void aDeviceCodeIsRequired() {
        assertThatThrownBy(() -> grant.handle(new TokenRequest(FormParameters.parse("grant_type=x", Set.of()),
                new AuthenticatedClient(tv, ClientAuthMethod.NONE), FixedRequestContext.from("192.0.2.1"))))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
    }

    @Test
    void anApprovedCodeGivesTheUsersTokensWithoutASessionBinding() {
        DeviceCode code = DeviceFixtures.pending();
        DeviceFixtures.approve(code, START);
        codes.next = new DeviceCodes.Poll(PollAnswer.ISSUE, code);

        TokenResponse response = poll();

        assertThat(response.accessToken()).isEqualTo("at");
        RefreshGrant family = tokens.grants.get(0);
        assertThat(family.familyId()).isEqualTo("grant-1");
        assertThat(family.subject()).isEqualTo("sub-1");
        assertThat(family.scope()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(family.grant().signIn().sid()).isNull();
        assertThat(family.grant().authentication().amr()).containsExactly("pwd");
        assertThat(tokens.nonces).containsExactly((String) null);
        assertThat(artifacts.recordedJti).isEqualTo("jti-1");
    }

    @Test
    void aDisabledUserGetsNoTokens() {
        DeviceCode code = DeviceFixtures.pending();
        DeviceFixtures.approve(code, START);
        codes.next = new DeviceCodes.Poll(PollAnswer.ISSUE, code);
        accounts.put("sub-1", new UserAccount("sub-1", "ada", false, Map.of(), List.of()));

        assertThatThrownBy(this::poll).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT));
        assertThat(tokens.grants).isEmpty();
    }

    @Test
    void aReplayedCodeRevokesWhatItProduced() {
        DeviceCode code = DeviceFixtures.pending();
        GrantFakes.accessTokenIssued(code, "jti-1", 300, START);
        codes.next = new DeviceCodes.Poll(PollAnswer.REDEEMED, code);

        assertThatThrownBy(this::poll).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT));
        assertThat(refreshTokens.revokedFamilies).containsExactly("grant-1");
        assertThat(revocations.revoked).containsExactly("jti-1");
    }

    static final class FakeCodes extends DeviceCodes {
        Poll next;
        String polledFor;

        @Override
        public Poll poll(String deviceCode, String clientId) {
            polledFor = clientId;
            return next;
        }
    }

    static final class FakeRefreshTokens extends RefreshTokens {
        final List<String> revokedFamilies = new ArrayList<>();

        @Override
        public RefreshGrant newFamily(UserGrant grant, Client client) {
            return new RefreshGrant(grant, false, START.plusSeconds(3600));
        }

        @Override
        public void revokeFamily(String familyId) {
            revokedFamilies.add(familyId);
        }
    }

    static final class FakeUserTokens extends UserTokens {
        final List<RefreshGrant> grants = new ArrayList<>();
        final List<String> nonces = new ArrayList<>();

        @Override
        public Issued issue(Client client, UserAccount user, RefreshGrant grant, String nonce) {
            grants.add(grant);
            nonces.add(nonce);
            IssuedAccessToken access = new IssuedAccessToken("at", "jti-1", 300, grant.scope());
            return new Issued(new TokenResponse("at", 300, grant.scope(), "rt", "idt"), access);
        }
    }
}
