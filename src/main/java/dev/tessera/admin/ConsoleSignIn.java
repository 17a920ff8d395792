package dev.tessera.admin;

import dev.tessera.audit.IssuedTokens;
import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.client.ClientRepository;
import dev.tessera.config.Issuer;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Pkce;
import dev.tessera.oauth.Secrets;
import dev.tessera.token.GrantHandlers;
import dev.tessera.token.IdTokenInspector;
import dev.tessera.token.TokenClaims;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The console signs operators in as any relying party would: a code request to {@code /authorize} with state, nonce
 * and PKCE S256, so the normal login page and every factor and policy of it apply; then the code is redeemed by the
 * same grant handler the token endpoint uses, in-process (no HTTP call from the server to itself, which behind a
 * proxy or a split-horizon DNS may not even reach it), and the ID token is verified like any other (signature by a
 * published key, issuer, expiry, audience and azp {@value ConsoleClient#CLIENT_ID}, the nonce). The operator's groups
 * come from the user directory at that moment ({@link ConsoleAccess}).
 */
@ApplicationScoped
public class ConsoleSignIn {
    static final String PENDING = "tessera.console.pending";

    /** What the callback needs of the code request it answers: kept in the HTTP session, never sent but in hashed form. */
    record Pending(String state, String nonce, String verifier) implements Serializable {
    }

    /** The callback's outcome: an operator, or a person the console does not admit. */
    public sealed interface Outcome permits Admitted, Refused {
    }

    public record Admitted(ConsoleOperator operator) implements Outcome {
    }

    public record Refused(String subject) implements Outcome {
    }

    @Inject
    Issuer issuer;

    @Inject
    ConsoleClient console;

    @Inject
    ClientRepository clients;

    @Inject
    GrantHandlers grants;

    @Inject
    IdTokenInspector idTokens;

    @Inject
    UserDirectory users;

    @Inject
    ConsoleAccess access;

    @Inject
    RequestContext context;

    @Inject
    IssuedTokens issuedTokens;

    @Inject
    Clock clock;

    /** The authorization request that starts a sign-in; its state, nonce and verifier stay in {@code session}. */
    public String begin(HttpSession session) {
        Pending pending = new Pending(Secrets.random(32), Secrets.random(32), Secrets.random(48));
        session.setAttribute(PENDING, pending);
        Map<String, String> query = new LinkedHashMap<>();
        query.put(AuthorizeParameters.RESPONSE_TYPE, "code");
        query.put(OAuthParameters.CLIENT_ID, ConsoleClient.CLIENT_ID);
        query.put(AuthorizeParameters.REDIRECT_URI, console.redirectUri());
        query.put(OAuthParameters.SCOPE, "openid");
        query.put(AuthorizeParameters.STATE, pending.state());
        query.put(AuthorizeParameters.NONCE, pending.nonce());
        query.put(AuthorizeParameters.CODE_CHALLENGE, Pkce.s256(pending.verifier()));
        query.put(AuthorizeParameters.CODE_CHALLENGE_METHOD, Pkce.S256);
        return issuer.endpoint("/authorize") + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The callback: this browser's pending request, the code redeemed, the ID token checked, the groups asked. */
    public Outcome finish(HttpSession session, String code, String state) {
        Pending pending = session.getAttribute(PENDING) instanceof Pending p ? p : null;
        session.removeAttribute(PENDING); // one callback per request, whatever happens
        if (pending == null || state == null || code == null || !Secrets.constantTimeEquals(pending.state(), state)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "This sign-in to the console was not started in this browser, or is over");
        }
        Client client = clients.find(ConsoleClient.CLIENT_ID).filter(Client::enabled)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, "The console's client " + ConsoleClient.CLIENT_ID + " is missing or disabled"));
        String form = AuthorizeParameters.CODE + "=" + encode(code) + "&" + AuthorizeParameters.REDIRECT_URI + "="
                + encode(console.redirectUri()) + "&" + AuthorizeParameters.CODE_VERIFIER + "=" + encode(pending.verifier());
        TokenResponse tokens = grants.forType(GrantTypes.AUTHORIZATION_CODE).handle(new TokenRequest(FormParameters.parseAll(form),
                new AuthenticatedClient(client, "in-process"), context));
        issuedTokens.issued(GrantTypes.AUTHORIZATION_CODE, ConsoleClient.CLIENT_ID, null, context.peerAddress(), Map.of("console", "true"));
        String subject = verified(tokens.idToken(), pending.nonce());
        Optional<UserAccount> person = users.recheck(subject).filter(UserAccount::enabled);
        ConsoleAccess.Level level = person.map(p -> access.of(p.groups())).orElse(ConsoleAccess.Level.NONE);
        if (level == ConsoleAccess.Level.NONE) {
            return new Refused(subject);
        }
        return new Admitted(new ConsoleOperator(subject, person.get().username(), level == ConsoleAccess.Level.READ_ONLY, clock.instant()));
    }

    /** The ID token's subject, once it is one of ours, for the console, with this sign-in's nonce. */
    private String verified(String idToken, String nonce) {
        TokenClaims claims = idTokens.inspect(idToken).filter(c -> ConsoleClient.CLIENT_ID.equals(c.clientId())
                && c.audiences().contains(ConsoleClient.CLIENT_ID))
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The console's ID token did not verify"));
        try { // verified above: read the nonce the inspector leaves out
            String sent = new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification().build()
                    .processToClaims(idToken).getClaimValueAsString(AuthorizeParameters.NONCE);
            if (sent == null || !Secrets.constantTimeEquals(nonce, sent)) {
                throw new OAuthException(OAuthError.INVALID_GRANT, "The console's ID token carries another nonce");
            }
        } catch (InvalidJwtException e) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The console's ID token did not verify");
        }
        return claims.subject();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
