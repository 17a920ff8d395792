package dev.tessera.token.grant;

import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.token.AccessTokenGrant;
import dev.tessera.token.AccessTokenIssuer;
import dev.tessera.token.Audiences;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.GrantScopes;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.trust.IssuerAssertionVerifier;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.trust.VerifiedAssertion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JWT bearer grant (RFC 7523 §2.1): a client presents an assertion a trusted issuer signed about a
 * subject and gets an access token for it. Verify the assertion, check that this client may present
 * this issuer's assertions and that the subject is one the issuer may assert, map the subject, settle
 * scope and audience, consume the jti, issue. No refresh token: the client can present a new
 * assertion, and a refresh token would outlive the issuer's say.
 */
@ApplicationScoped
public class JwtBearerGrant implements GrantHandler {

    @Inject
    Issuer issuer;

    @Inject
    IssuerAssertionVerifier verifier;

    @Inject
    AssertionSubjects subjects;

    @Inject
    GrantScopes scopes;

    @Inject
    Audiences audiences;

    @Inject
    AccessTokenIssuer accessTokens;

    @Override
    public String grantType() {
        return GrantTypes.JWT_BEARER;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        // RFC 7521 §4.1: assertion is "REQUIRED" and holds a single assertion.
        String assertion = request.form().require(OAuthParameters.ASSERTION);
        VerifiedAssertion verified = verifier.verify(assertion, List.of(issuer.url(), issuer.endpoint(Endpoints.TOKEN)));
        TrustedIssuer trusted = verified.issuer();
        if (!trusted.allowsClient(client.clientId())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "This client may not present assertions of this issuer",
                    client.clientId() + " is not among the allowed clients of " + trusted.id());
        }
        if (!trusted.allowsSubject(verified.subject())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The assertion's subject is not allowed for its issuer",
                    verified.subject() + " is not among the allowed subjects of " + trusted.id());
        }
        String subject = subjects.map(trusted, verified.subject());
        Set<String> scope = scopes.granted(client, request.form().get(OAuthParameters.SCOPE).orElse(null));
        List<String> aud = audiences.resolve(client, request.form().all(OAuthParameters.RESOURCE));
        aud.stream().filter(a -> !trusted.allowsAudience(a)).findFirst().ifPresent(a -> {
            throw new OAuthException(OAuthError.INVALID_TARGET, "Tokens from this issuer's assertions may not be for " + a);
        });
        // Consumed last, once nothing else can refuse it; a replay is refused whatever it asks for.
        verifier.consume(verified);
        return TokenResponse.accessOnly(accessTokens.issue(new AccessTokenGrant(client, subject, scope, aud, Map.of())));
    }
}
