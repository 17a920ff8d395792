package dev.tessera.admin;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An operator signed in to the console: the console's own session, an attribute of the HTTP session (never the SSO
 * session's cookie, so ending one leaves the other alone). Serializable because the HTTP session is replicated
 * between nodes (web.xml {@code distributable}).
 *
 * @param subject  the operator's {@code sub}
 * @param username what the pages and the audit trail call them
 * @param readOnly whether they may only look ({@code tessera.admin.read-only-groups})
 * @param lastSeen their last request, for the idle timeout
 */
public record ConsoleOperator(String subject, String username, boolean readOnly, Instant lastSeen) implements Serializable {
    public static final String ATTRIBUTE = "tessera.console.operator";

    /** The audit trail's actor for changes made in the console: distinct from API callers and from the person. */
    public String actor() {
        return "console:" + username;
    }

    /** The operator of this HTTP session, if any and not idle longer than {@code idle} at {@code now}. */
    public static Optional<ConsoleOperator> of(HttpSession session, Instant now, Duration idle) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof ConsoleOperator operator)) {
            return Optional.empty();
        }
        if (operator.lastSeen().plus(idle).isBefore(now)) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(operator);
    }

    /** Records a request: set again (not changed in place) so the session's replication sees it. */
    void seen(HttpSession session, Instant now) {
        session.setAttribute(ATTRIBUTE, new ConsoleOperator(subject, username, readOnly, now));
    }

    /** The operator's console session begins (after the session id changed). */
    public static void signIn(HttpSession session, ConsoleOperator operator) {
        session.setAttribute(ATTRIBUTE, operator);
    }

    public static void signOut(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
