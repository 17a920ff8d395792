package dev.tessera.kerberos;

import java.util.Locale;
import org.ietf.jgss.GSSException;

/**
 * Why a Negotiate token signed nobody in, before any user store was asked: each with the metric and audit outcome and
 * the text the login page shows. The JDK reports Kerberos errors as a {@link GSSException} whose message (or a cause's)
 * carries the RFC 4120 §7.5.9 error code in parentheses, e.g. "Request is a replay (34)", "Clock skew too great (37)".
 */
public enum KerberosFailure {
    /** KRB_AP_ERR_REPEAT (34), or a token this cluster has seen before. */
    REPLAY("replay", "login.error.kerberos-replay"),
    /** KRB_AP_ERR_SKEW (37): the client's clock is more than the allowed skew (5 minutes) away. */
    CLOCK_SKEW("clock_skew", "login.error.kerberos-clock"),
    /** The acceptor answered with a token that needs another round trip (RFC 4559 §5); Tessera does one leg only. */
    CONTINUE_NEEDED("continue_needed", "login.error.kerberos-failed"),
    /** An NTLM token (a machine outside the domain, or an SPN the browser could not get a ticket for). */
    NTLM("ntlm", "login.error.kerberos-failed"),
    /** Anything else: a malformed token, a ticket for another service, a key the keytab lacks. */
    INVALID_TOKEN("invalid_token", "login.error.kerberos-failed"),
    /** The acceptor is not usable (keytab unreadable): a server fault, told like a directory outage. */
    UNAVAILABLE("unavailable", "login.error.unavailable");

    private final String outcome;
    private final String messageKey;

    KerberosFailure(String outcome, String messageKey) {
        this.outcome = outcome;
        this.messageKey = messageKey;
    }

    public String outcome() {
        return outcome;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The failure an acceptor's exception stands for. */
    public static KerberosFailure of(GSSException e) {
        if (e.getMajor() == GSSException.DUPLICATE_TOKEN || e.getMajor() == GSSException.OLD_TOKEN) {
            return REPLAY;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("(34)") || text.contains("replay")) {
                return REPLAY;
            }
            if (text.contains("(37)") || text.contains("clock skew")) {
                return CLOCK_SKEW;
            }
        }
        return e.getMajor() == GSSException.NO_CRED ? UNAVAILABLE : INVALID_TOKEN;
    }

    /** A one-line account of the exception for the audit log (never the token). */
    public static String detail(GSSException e) {
        StringBuilder detail = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            detail.append("; ").append(t.getMessage());
        }
        return detail.toString();
    }
}
