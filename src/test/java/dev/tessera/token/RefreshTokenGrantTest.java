package dev.tessera.token;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.user.JpaUserStore;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import dev.tessera.user.UserStore;
import dev.tessera.user.UserStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The refresh grant: rotation, scope narrowing, the account re-check. */
class RefreshTokenGrantTest {
    final GrantFakes fakes = new GrantFakes();
    final RefreshTokenGrant grant = new RefreshTokenGrant();

    /** The configured stores: the local database only, unless a test adds a directory. */
    final List<UserStore> configured = new ArrayList<>();
    /** Subjects the local database has; the directory ({@code fakes.users}) has every subject. */
    final List<String> localSubjects = new ArrayList<>();
    final List<String> askedOfDirectory = new ArrayList<>();
    final JpaUserStore local = new JpaUserStore() {
        @Override
        public Optional<UserAccount> findBySubject(String subject) {
            return localSubjects.contains(subject) ? fakes.users.findBySubject(subject) : Optional.empty();
        }
    };

    RefreshTokenGrantTest() {
        configured.add(local);
        localSubjects.add(GrantFakes.refreshGrant(Set.of("openid")).subject());
        grant.rotation = new RefreshRotation();
        grant.rotation.refreshTokens = fakes.refreshTokens;
        grant.rotation.tokens = fakes.tokens;
        grant.rotation.local = local;
        grant.rotation.stores = new UserStores() {
            @Override
            public List<UserStore> ordered() {
                return configured;
            }
        };
        grant.rotation.users = new UserDirectory() {
            @Override
            public LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie) {
                throw new UnsupportedOperationException("not used by the refresh grant");
            }

            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                askedOfDirectory.add(subject);
                return fakes.users.findBySubject(subject);
            }
        };
    }

    /** A second store after the local one, which has nobody (the directory's answers are {@code fakes.users}'). */
    void withDirectory() {
        configured.add(new JpaUserStore() {
            @Override
            public String id() {
                return "ldap";
            }

            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                return Optional.empty();
            }
        });
    }

    TokenRequest request(String form) {
        return new TokenRequest(FormParameters.parse("grant_type=refresh_token&refresh_token=r1" + form, Set.of()),
                GrantFakes.authenticated("web"), FixedRequestContext.from("192.0.2.1"));
    }

    @Test
    void aValidTokenRotatesAndIssuesForTheSameGrant() {
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid", "profile"));

        assertThat(grant.handle(request(""))).isSameAs(fakes.tokens.response);
        assertThat(fakes.refreshTokens.requestedScope).isNull();
        assertThat(fakes.tokens.grant.scope()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(fakes.tokens.nonce).as("OpenID Connect Core §12.2: no nonce on refresh").isNull();
    }

    @Test
    void aNarrowerScopeIsPassedToRotationAndIssued() {
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid", "profile"));

        grant.handle(request("&scope=openid"));
        assertThat(fakes.refreshTokens.requestedScope).containsExactly("openid");
        assertThat(fakes.tokens.grant.scope()).containsExactly("openid");
    }

    @Test
    void anInvalidTokenIsInvalidGrantAndIssuesNothing() {
        assertOAuthError(OAuthError.INVALID_GRANT, () -> grant.handle(request("")));
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    @Test
    void aDisabledAccountRevokesTheFamily() {
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid"));
        fakes.users.enabled = false;

        assertOAuthError(OAuthError.INVALID_GRANT, () -> grant.handle(request("")));
        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("fam-1");
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    @Test
    void aLocalPersonIsReCheckedInTheRotationsTransactionWithoutAskingTheDirectory() {
        withDirectory();
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid"));

        assertThat(grant.handle(request(""))).isSameAs(fakes.tokens.response);
        assertThat(askedOfDirectory).as("issue 23: read, re-check and rotation in one transaction").isEmpty();
    }

    @Test
    void aPersonTheLocalDatabaseDoesNotHaveIsReCheckedInTheDirectory() {
        withDirectory();
        localSubjects.clear();
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid"));

        assertThat(grant.handle(request(""))).isSameAs(fakes.tokens.response);
        assertThat(askedOfDirectory).containsExactly(fakes.refreshTokens.rotated.subject());
    }

    @Test
    void withOnlyTheLocalDatabaseAPersonItDoesNotHaveRevokesTheFamily() {
        localSubjects.clear();
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid"));

        assertOAuthError(OAuthError.INVALID_GRANT, () -> grant.handle(request("")));
        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("fam-1");
        assertThat(askedOfDirectory).isEmpty();
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    @Test
    void theRefreshTokenParameterIsRequired() {
        TokenRequest missing = new TokenRequest(FormParameters.parse("grant_type=refresh_token", Set.of()), GrantFakes.authenticated("web"), FixedRequestContext.from("192.0.2.1"));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> grant.handle(missing));
    }
}
