package dev.tessera.web;

import dev.tessera.authorize.PendingAuthorizations;
import dev.tessera.mfa.webauthn.PasskeyCeremonies;
import dev.tessera.oauth.AcrValues;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * "Sign in with a passkey" on the login page: a passwordless WebAuthn ceremony with a discoverable credential (the
 * authenticator offers the person's passkeys; the browser also offers them in the username field's autofill, the
 * conditional UI, where it can). A verified assertion with user verification signs the person in at
 * {@code urn:tessera:acr:phr} as a password would: new HTTP session id, new SSO session, on to the request.
 */
@Named("passkeyLogin")
@RequestScoped
public class PasskeyLoginBacking {
    @Inject
    LoginBacking login;

    @Inject
    PasskeyCeremonies ceremonies;

    @Inject
    UserDirectory users;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    PageFlow flow;

    @Inject
    Locales locales;

    private String options;

    /** The request options, with a challenge bound to this browser's session (made once per page). */
    public String getOptions() {
        if (options == null) {
            options = ceremonies.authenticationOptions(null, PasskeyPages.binding(flow.request()));
        }
        return options;
    }

    public String signIn() {
        if (!login.isKnownRequest()) {
            return null;
        }
        Optional<PasskeyCeremonies.Proof> proof = ceremonies.authenticate(null, PasskeyPages.binding(flow.request()),
                flow.request().getParameter(PasskeyPages.RESPONSE), flow.context().peerAddress());
        Optional<UserAccount> person = proof.flatMap(p -> users.findBySubject(p.subject())).filter(UserAccount::enabled);
        if (person.isEmpty()) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, locales.text("passkey.error.signin"), null));
            return null;
        }
        start(person.get(), proof.get());
        if (login.isForClient()) {
            pendings.loggedIn(login.getId(), person.get().subject());
            flow.resume(login.getId());
        } else {
            flow.seeOther(login.getReturnTo());
        }
        return null;
    }

    private void start(UserAccount user, PasskeyCeremonies.Proof proof) {
        flow.request().changeSessionId();
        SessionService.Started started = sessions.start(user.subject(), proof.amr(), AcrValues.PHR, false,
                new SessionOrigin(flow.context().peerAddress(), flow.context().userAgent()));
        flow.response().addHeader("Set-Cookie", sessionCookie.header(started.cookieValue(), started.cookieMaxAge()));
    }
}
