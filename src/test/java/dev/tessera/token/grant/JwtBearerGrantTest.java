package dev.tessera.token.grant;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static dev.tessera.oauth.OAuthAssertions.thrown;
import static dev.tessera.token.grant.Grants.form;
import static dev.tessera.token.grant.Grants.request;
import static dev.tessera.trust.TrustFixtures.RSA;
import static dev.tessera.trust.TrustFixtures.claims;
import static dev.tessera.trust.TrustFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.token.TokenClaims;
import dev.tessera.token.TokenResponse;
import dev.tessera.trust.SubjectMapping;
import dev.tessera.trust.TrustFixtures;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserStore;
import dev.tessera.user.UserStores;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 7523 §2.1: assertions of trusted issuers become access tokens for the mapped subject. */
class JwtBearerGrantTest {
    private static final String IDP = "https://idp.example.com";
    private final Grants g = new Grants();
    private final TrustFixtures trust = new TrustFixtures();
    private final JwtBearerGrant grant = new JwtBearerGrant();
    private final Client batch = Grants.client("batch", GrantTypes.JWT_BEARER);
    private final TrustedIssuer services = trust.trust("idp", IDP, SubjectMapping.SERVICE);
    private final TrustedIssuer people = trust.trust("workforce", "https://workforce.example.com", SubjectMapping.LOCAL_USER);

    JwtBearerGrantTest() {
        AssertionSubjects subjects = new AssertionSubjects();
        subjects.users = g.users;
        subjects.stores = new OneStore(g.users);
        grant.issuer = new Issuer("https://sso.example.com");
        grant.verifier = trust.verifier;
        grant.subjects = subjects;
        grant.scopes = g.scopes;
        grant.audiences = g.audiences;
        grant.accessTokens = g.tokens.accessTokens();
        g.users.add(Grants.user("sub-alice", "alice", true));
        g.users.add(Grants.user("sub-bob", "bob", false));
    }

    private TokenResponse present(String assertion, Object... more) {
        Map<String, Object> form = form("grant_type", GrantTypes.JWT_BEARER, "assertion", assertion);
        form.putAll(form(more));
        return grant.handle(request(batch, form));
    }

    private static String assertion(String iss, String sub) {
        return sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(iss, sub));
    }

    private TokenClaims claimsOf(TokenResponse response) {
        return g.tokens.inspector().inspect(response.accessToken()).orElseThrow();
    }

    @Test
    void aServiceAssertionGetsATokenForItsSubjectAsItIs() {
        TokenResponse response = present(assertion(IDP, "svc-reports"), "scope", "read write");

        TokenClaims claims = claimsOf(response);
        assertThat(claims.subject()).isEqualTo("svc-reports");
        assertThat(claims.clientId()).isEqualTo("batch");
        assertThat(claims.scope()).containsExactly("read", "write");
        assertThat(claims.audiences()).containsExactly(Grants.API);
        assertThat(response.refreshToken()).isNull();
        assertThat(trust.replay.seen).hasSize(1);
    }

    @Test
    void aReplayedAssertionIsInvalidGrant() {
        String once = assertion(IDP, "svc-reports");
        present(once);

        assertThat(thrown(OAuthError.INVALID_GRANT, () -> present(once)).description()).contains("already used");
    }

    @Test
    void aLocalUserIsFoundByUsernameOrSubjectAndMustBeEnabled() {
        assertThat(claimsOf(present(assertion(people.issuer(), "alice"))).subject()).isEqualTo("sub-alice");
        assertThat(claimsOf(present(assertion(people.issuer(), "sub-alice"))).subject()).isEqualTo("sub-alice");
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion(people.issuer(), "bob")));
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion(people.issuer(), "nobody")));
    }

    @Test
    void aServiceIssuerCannotSpeakForALocalUser() {
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion(IDP, "sub-alice")));
    }

    @Test
    void anUntrustedIssuerIsInvalidGrant() {
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion("https://evil.example.com", "svc")));
    }

    @Test
    void algNoneIsInvalidGrant() {
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(sign("none", null, null, claims(IDP, "svc"))));
    }

    @Test
    void theClientMustBeAllowedByTheIssuer() {
        services.allowedClients(Set.of("other", "batch-*"));
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion(IDP, "svc")));

        services.allowedClients(Set.of("bat*"));
        assertThat(claimsOf(present(assertion(IDP, "svc"))).subject()).isEqualTo("svc");
    }

    @Test
    void theSubjectMustBeAllowedByTheIssuer() {
        services.allowedSubjects(Set.of("svc-*", "exact"));

        assertThat(claimsOf(present(assertion(IDP, "svc-reports"))).subject()).isEqualTo("svc-reports");
        assertThat(claimsOf(present(assertion(IDP, "exact"))).subject()).isEqualTo("exact");
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion(IDP, "exactly")));
        assertOAuthError(OAuthError.INVALID_GRANT, () -> present(assertion(IDP, "admin")));
    }

    @Test
    void audiencesAreLimitedByTheClientAndTheIssuer() {
        services.allowedAudiences(Set.of("https://reports.example.com"));
        assertOAuthError(OAuthError.INVALID_TARGET, () -> present(assertion(IDP, "svc")));

        services.allowedAudiences(Set.of(Grants.API));
        assertThat(claimsOf(present(assertion(IDP, "svc"), "resource", Grants.API)).audiences()).containsExactly(Grants.API);
        assertOAuthError(OAuthError.INVALID_TARGET, () -> present(assertion(IDP, "svc"), "resource", "https://other.example.com"));
    }

    @Test
    void aRefusedRequestDoesNotUseUpTheAssertion() {
        String assertion = assertion(IDP, "svc");
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> present(assertion, "scope", "admin"));

        assertThat(claimsOf(present(assertion)).subject()).isEqualTo("svc");
    }

    @Test
    void theAssertionParameterIsRequired() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> grant.handle(request(batch, form("grant_type", GrantTypes.JWT_BEARER))));
    }

    /** The user store behind the fake directory, for lookups by username. */
    private static final class OneStore extends UserStores {
        private final Grants.FakeUsers users;

        OneStore(Grants.FakeUsers users) {
            this.users = users;
        }

        @Override
        public List<UserStore> ordered() {
            return List.of(new UserStore() {
                @Override
                public String id() {
                    return "local";
                }

                @Override
                public Optional<LoginResult> authenticate(String username, String password) {
                    return Optional.empty();
                }

                @Override
                public Optional<UserAccount> findBySubject(String subject) {
                    return users.findBySubject(subject);
                }

                @Override
                public Optional<UserAccount> findByUsername(String username) {
                    return users.findByUsername(username);
                }
            });
        }
    }
}
