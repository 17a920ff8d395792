package dev.tessera.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Renews the browser state ({@link BrowserState}) with every response that sets or clears the SSO cookie: a sign-in
 * (password, any later factor), a sign-out, a new session after a password change. Every such path writes the SSO
 * cookie through {@link SessionCookie#header}, so watching that one header keeps Session Management 1.0 §4.2's
 * "changes when the login status changes" true for paths added later without each of them knowing.
 *
 * <p>Declared in {@code web.xml}, which orders every filter (annotated filters have no specified order).
 */
public class BrowserStateFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String SET_COOKIE = "Set-Cookie";

    @Inject
    transient SessionCookie sessionCookie;

    @Inject
    transient BrowserState browserState;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Renewing(response, sessionCookie.name() + "=", browserState));
    }

    private static final class Renewing extends HttpServletResponseWrapper {
        private final String ssoPrefix;
        private final BrowserState browserState;

        Renewing(HttpServletResponse response, String ssoPrefix, BrowserState browserState) {
            super(response);
            this.ssoPrefix = ssoPrefix;
            this.browserState = browserState;
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            renewOn(name, value);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            renewOn(name, value);
        }

        private void renewOn(String name, String value) {
            if (SET_COOKIE.equalsIgnoreCase(name) && value != null && value.startsWith(ssoPrefix)) {
                super.addHeader(SET_COOKIE, browserState.header(BrowserState.fresh()));
            }
        }
    }
}
