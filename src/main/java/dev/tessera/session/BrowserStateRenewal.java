package dev.tessera.session;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Renews the browser state ({@link BrowserState}) with every response that sets or clears the SSO cookie: a sign-in
 * (password, any later factor), a sign-out, a new session after a password change. Every such path writes the SSO
 * cookie through {@link SessionCookie#header}, so watching that one header keeps Session Management 1.0 §4.2's
 * "changes when the login status changes" true for paths added later without each of them knowing.
 *
 * <p>The last step of the filter every request crosses ({@code web/EveryRequestFilter}).
 */
@Dependent
public class BrowserStateRenewal {
    private static final String SET_COOKIE = "Set-Cookie";

    private final SessionCookie sessionCookie;
    private final BrowserState browserState;

    @Inject
    public BrowserStateRenewal(SessionCookie sessionCookie, BrowserState browserState) {
        this.sessionCookie = sessionCookie;
        this.browserState = browserState;
    }

    /** The answer to hand the endpoints: it renews the browser state whenever they write the SSO cookie. */
    public HttpServletResponse watching(HttpServletResponse response) {
        return new Renewing(response, sessionCookie.name() + "=", browserState);
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
