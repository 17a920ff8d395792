package dev.tessera.admin;

import dev.tessera.config.ConsoleSettings;
import dev.tessera.config.Issuer;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's pages ({@value #PAGES}) answer only an operator's console session: without one (never signed in, or
 * idle longer than {@code tessera.admin.console-idle-timeout}) the browser is sent to {@code /admin}, which signs it
 * in through Tessera's own login ({@link ConsoleSignIn}). One place for every page, GET and POST alike, so a page
 * cannot forget it; what a read-only operator may not do is refused by each action (docs/console.md).
 *
 * <p>Declared in {@code web.xml}, which orders every filter (annotated filters have no specified order).
 */
public class ConsoleGate extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Where the console's Faces pages are (the Faces servlet's prefix and the folder). */
    public static final String PAGES = "/ui/admin/";
    /** Where a browser starts (and restarts) its sign-in to the console. */
    public static final String ENTRY = "/admin";

    @Inject
    transient Issuer issuer;

    @Inject
    transient ConsoleSettings settings;

    @Inject
    transient Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Instant now = clock.instant();
        HttpSession session = request.getSession(false);
        Optional<ConsoleOperator> operator = ConsoleOperator.of(session, now, settings.idleTimeout());
        response.setHeader("Cache-Control", "no-store");
        if (operator.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", issuer.endpoint(ENTRY));
            return;
        }
        operator.get().seen(session, now);
        request.setAttribute(ConsoleOperator.ATTRIBUTE, operator.get());
        chain.doFilter(request, response);
    }
}
