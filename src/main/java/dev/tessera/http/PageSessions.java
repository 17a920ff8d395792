package dev.tessera.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.Collections;
import java.util.function.Predicate;

/**
 * Ends the HTTP session of a browser whose sign-in has just finished, when nothing else needs it.
 *
 * <p>Why: the HTTP session holds only the Faces view state of the pages (login, second factor, consent, account,
 * device, console) and the console's own attributes. Everything that decides anything is in the database. Left alone, a finished
 * sign-in's page state stays in memory, and in a cluster in the data grid, for the session's whole idle timeout (30
 * minutes, web.xml): about 5-8 KiB per sign-in, some 100 MiB of heap at 12 sign-ins a second from browsers without a
 * session yet (docs/performance.md, "Ten minutes of mixed load"). Keycloak drops a finished authentication session the
 * same way.
 *
 * <p>Kept: a session holding an attribute of Tessera's own ({@link #OWN_ATTRIBUTES}: the console's operator and its
 * sign-in under way, and the mark any page outside a sign-in sets when it renders, web/KeptPagesViewHandler), and a session whose browser still has another sign-in under way in another tab (its flow
 * cookie came with this request), whose page state that tab still needs.
 */
@ApplicationScoped
public class PageSessions {
    /** The prefix of every session attribute Tessera sets itself; a session holding one is never ended here. */
    public static final String OWN_ATTRIBUTES = "tessera.";

    @Inject
    HttpServletRequest request;

    /**
     * Ends the current request's HTTP session unless it holds one of Tessera's own attributes or the request carries a
     * cookie that {@code anotherFlow} recognises. Returns whether a session was ended.
     */
    public boolean release(Predicate<String> anotherFlow) {
        HttpSession session = request.getSession(false);
        if (session == null || carriesCookie(anotherFlow)) {
            return false;
        }
        try {
            if (Collections.list(session.getAttributeNames()).stream().anyMatch(name -> name.startsWith(OWN_ATTRIBUTES))) {
                return false;
            }
            session.invalidate();
            return true;
        } catch (IllegalStateException alreadyEnded) {
            return false;
        }
    }

    private boolean carriesCookie(Predicate<String> names) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).filter(c -> c.getValue() != null && !c.getValue().isEmpty())
                .map(Cookie::getName).anyMatch(names);
    }
}
