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
import dev.tessera.token.RevocationList;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.token.UserTokens;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import java.time.Clock;
import java.time.Instant;
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
    final FakeRevocations revocations = new FakeRevocations();
    final FakeUserTokens tokens = new FakeUserTokens();
    final Map<String, UserAccount> accounts = new java.util.HashMap<>();
    final DeviceCodeGrant grant = new DeviceCodeGrant();
    final Client tv = new Client("tv", ClientAuthMethod.NONE, START);

    @BeforeEach
    void wire() {
        grant.codes = codes;
        grant.refreshTokens = refreshTokens;
        grant.revocations = revocations;
        grant.tokens = tokens;
        grant.clock = Clock.fixed(START, ZoneOffset.UTC);
        grant.users = new UserDirectory() {
            @Override
            public LoginResult authenticate(String username, String password, String clientAddress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                return Optional.ofNullable(accounts.get(subject));
            }
        };
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
        assertThat(family.sid()).isNull();
        assertThat(family.amr()).containsExactly("pwd");
        assertThat(tokens.nonces).containsExactly((String) null);
        assertThat(codes.recordedJti).isEqualTo("jti-1");
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
        code.accessTokenIssued("jti-1");
        codes.next = new DeviceCodes.Poll(PollAnswer.REDEEMED, code);

        assertThatThrownBy(this::poll).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT));
        assertThat(refreshTokens.revokedFamilies).containsExactly("grant-1");
        assertThat(revocations.revoked).containsExactly("jti-1");
    }

    static final class FakeCodes extends DeviceCodes {
        Poll next;
        String polledFor;
        String recordedJti;

        @Override
        public Poll poll(String deviceCode, String clientId) {
            polledFor = clientId;
            return next;
        }

        @Override
        public void recordAccessToken(String deviceCodeHash, String jti) {
            recordedJti = jti;
        }
    }

    static final class FakeRefreshTokens extends RefreshTokens {
        final List<String> revokedFamilies = new ArrayList<>();

        @Override
        public RefreshGrant newFamily(String familyId, Client client, String subject, Set<String> scope, List<String> resources,
                String sid, Instant authTime, List<String> amr, String acr, String claims) {
            return new RefreshGrant(familyId, client.clientId(), subject, scope, resources, sid, authTime, amr, acr, claims, false,
                    START.plusSeconds(3600));
        }

        @Override
        public void revokeFamily(String familyId) {
            revokedFamilies.add(familyId);
        }
    }

    static final class FakeRevocations extends RevocationList {
        final List<String> revoked = new ArrayList<>();

        @Override
        public void revoke(String jti, Instant expiresAt) {
            revoked.add(jti);
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
