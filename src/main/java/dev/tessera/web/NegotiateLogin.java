package dev.tessera.web;

import dev.tessera.authorize.Interactions;
import dev.tessera.authorize.PendingAuthorizations;
import dev.tessera.kerberos.KerberosSignIn;
import dev.tessera.oauth.AcrValues;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.session.SignedOutMark;
import dev.tessera.user.LoginResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The login page's Kerberos leg (RFC 4559, docs/kerberos.md), on GET only. A client in {@code tessera.kerberos.networks}
 * without an {@code Authorization: Negotiate} header gets the page as it is, but with status 401 and
 * {@code WWW-Authenticate: Negotiate}: a browser with a ticket answers at once, one without shows the form it already
 * has. The answer with a valid ticket signs the person in as a password would (new HTTP session id, new SSO session)
 * with acr {@code urn:tessera:acr:kerberos}; a refused one shows the form with the reason and no second challenge.
 * After an explicit sign-out in this browser ({@link SignedOutMark}) there is no challenge, but a link that asks for one.
 */
@RequestScoped
public class NegotiateLogin {
    /** The parameter of the "Sign in with Windows" link: challenge despite a sign-out, and forget it. */
    static final String ASK = "kerberos";

    @Inject
    SignedOutMark signedOut;

    private String windowsLink;

    @Inject
    KerberosSignIn kerberos;

    @Inject
    PageFlow flow;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    Locales locales;

    /**
     * @param id       the pending authorization request, or null
     * @param returnTo where to go without one (a safe path), or null
     */
    void onGet(String id, boolean pending, String returnTo) {
        if (!"GET".equals(flow.request().getMethod())) {
            return;
        }
        String address = flow.context().peerAddress();
        if (!kerberos.offeredTo(address)) {
            return;
        }
        HttpServletResponse response = flow.response();
        Optional<String> token = KerberosSignIn.token(flow.request().getHeader(KerberosSignIn.AUTHORIZATION));
        boolean asked = flow.request().getParameter(ASK) != null;
        if (token.isEmpty() && !asked && signedOut.present(flow.context())) {
            // Signed out on purpose in this browser: a challenge would be answered by the ticket at once, so the form
            // alone, with a link that asks for the ticket when the person wants it (docs/kerberos.md, "Signing out").
            windowsLink = Interactions.LOGIN_PAGE + "?" + (pending ? "id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    : LoginBacking.RETURN + "=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)) + "&" + ASK + "=1";
            return;
        }
        if (token.isEmpty()) {
            if (asked) {
                forget();
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(KerberosSignIn.WWW_AUTHENTICATE, KerberosSignIn.NEGOTIATE);
            return;
        }
        KerberosSignIn.Outcome outcome = kerberos.signIn(token.get(), address);
        if (outcome instanceof KerberosSignIn.Outcome.Refused refused) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, locales.text(refused.messageKey()), null));
            return;
        }
        KerberosSignIn.Outcome.SignedIn signedIn = (KerberosSignIn.Outcome.SignedIn) outcome;
        LoginResult.Success success = signedIn.success();
        // A new HTTP session id as after a password; curl sends its token before any page made a session: none to rotate.
        if (flow.request().getSession(false) != null) {
            flow.request().changeSessionId();
        }
        SessionService.Started started = sessions.start(success.user().subject(), success.amr(), AcrValues.KERBEROS, false,
                new SessionOrigin(flow.context().peerAddress(), flow.context().userAgent()));
        response.addHeader("Set-Cookie", sessionCookie.header(started.cookieValue(), started.cookieMaxAge()));
        forget();
        signedIn.responseToken().ifPresent(t -> response.setHeader(KerberosSignIn.WWW_AUTHENTICATE, KerberosSignIn.NEGOTIATE + " " + t));
        if (pending) {
            pendings.loggedIn(id, success.user().subject());
            flow.resume(id);
        } else {
            flow.seeOther(returnTo);
        }
    }

    /** After a sign-in (by ticket or password) or the person's "Sign in with Windows": challenge again from now on. */
    void forget() {
        if (signedOut.present(flow.context())) {
            flow.response().addHeader("Set-Cookie", signedOut.clearing());
        }
    }

    /** The "Sign in with Windows" link while a sign-out keeps the challenge back, else null. */
    String windowsLink() {
        return windowsLink;
    }
}
