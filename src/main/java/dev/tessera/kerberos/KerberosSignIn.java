package dev.tessera.kerberos;

import dev.tessera.config.KerberosSettings;
import dev.tessera.persistence.ReplayGuard;
import dev.tessera.user.LoginResult;
import dev.tessera.user.PrincipalName;
import dev.tessera.user.PrincipalSignIns;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Negotiate leg of the login page (RFC 4559 §4, §5): whether to challenge, and what an {@code Authorization:
 * Negotiate} header proves. A valid ticket's principal becomes a person through {@link PrincipalSignIns}; a refused
 * ticket is audited and counted there too. Besides the acceptor's own replay cache (one node), every accepted token is
 * remembered in the shared replay table for {@link #REPLAY_WINDOW}, so a token replayed at another node is refused too.
 */
@ApplicationScoped
public class KerberosSignIn {
    private static final Logger LOG = Logger.getLogger(KerberosSignIn.class.getName());
    /** RFC 4559 §4: the scheme name of the challenge and of the answer. */
    public static final String NEGOTIATE = "Negotiate";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String AUTHORIZATION = "Authorization";
    /** The Kerberos clock skew (RFC 4120 §1.6, 5 minutes by default) on either side of now, so a replay in that span is caught. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    static final String REPLAY_PURPOSE = "spnego";
    /** "NTLMSSP\0", base64: the start of an NTLM token some browsers send with the Negotiate scheme. */
    static final String NTLM_PREFIX = "TlRMTVNT";

    /** What a Negotiate header led to. */
    public sealed interface Outcome {
        /** @param responseToken the mutual-authentication token for {@code WWW-Authenticate: Negotiate <token>} */
        record SignedIn(LoginResult.Success success, Optional<String> responseToken) implements Outcome {
        }

        /** @param messageKey what the login page tells the person */
        record Refused(String messageKey) implements Outcome {
        }
    }

    @Inject
    KerberosSettings settings;

    @Inject
    SpnegoAcceptor acceptor;

    @Inject
    ReplayGuard replays;

    @Inject
    PrincipalSignIns signIns;

    @Inject
    Clock clock;

    private NegotiateGate gate;

    @PostConstruct
    void init() {
        try {
            gate = new NegotiateGate(settings);
        } catch (IllegalArgumentException e) {
            // A wrong network must not turn the login page into an error: nobody is offered Negotiate until it is fixed.
            LOG.severe("Kerberos is offered to nobody: " + e.getMessage());
            gate = new NegotiateGate(KerberosSettings.off());
        }
    }

    /** Whether a client at this address is offered Negotiate now. */
    public boolean offeredTo(String clientAddress) {
        return gate.offeredTo(clientAddress) && acceptor.ready();
    }

    /** The Negotiate token of an Authorization header, if the header uses that scheme (case-insensitive, RFC 7235 §2.1). */
    public static Optional<String> token(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(NEGOTIATE.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(value.substring(space + 1).strip()).filter(t -> !t.isEmpty());
    }

    /** Checks a Negotiate token from an address {@link #offeredTo} admitted; never throws, whatever the token. */
    public Outcome signIn(String token, String clientAddress) {
        try {
            return check(token, clientAddress);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A Negotiate token could not be checked", e);
            return refused(KerberosFailure.UNAVAILABLE, "the check failed: " + e, clientAddress);
        }
    }

    private Outcome check(String token, String clientAddress) {
        if (token.startsWith(NTLM_PREFIX)) {
            return refused(KerberosFailure.NTLM, "an NTLM token, not a Kerberos ticket", clientAddress);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return refused(KerberosFailure.INVALID_TOKEN, "the token is not base64", clientAddress);
        }
        SpnegoAcceptor.Accepted accepted;
        try {
            accepted = acceptor.accept(bytes);
        } catch (SpnegoAcceptor.Refused e) {
            return refused(e.failure(), e.getMessage(), clientAddress);
        }
        if (!replays.firstUse(REPLAY_PURPOSE, token, clock.instant().plus(REPLAY_WINDOW))) {
            return refused(KerberosFailure.REPLAY, "a token already accepted (shared replay table)", clientAddress);
        }
        Optional<PrincipalName> principal = PrincipalName.parse(accepted.principal());
        if (principal.isEmpty()) {
            return refused(KerberosFailure.INVALID_TOKEN, "the client principal is not user@REALM", clientAddress);
        }
        LoginResult result = signIns.signIn(principal.get(), clientAddress);
        if (result instanceof LoginResult.Failure failure) {
            return new Outcome.Refused(failure.messageKey());
        }
        return new Outcome.SignedIn((LoginResult.Success) result, accepted.responseToken().map(Base64.getEncoder()::encodeToString));
    }

    private Outcome refused(KerberosFailure failure, String detail, String clientAddress) {
        signIns.refused(failure.outcome(), detail, clientAddress);
        return new Outcome.Refused(failure.messageKey());
    }
}
