package dev.tessera.web;

import dev.tessera.authorize.PendingAuthorization;
import dev.tessera.authorize.PendingAuthorizations;
import dev.tessera.oauth.AcrValues;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.user.KnownDevices;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserDirectory;
import dev.tessera.user.Usernames;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The login page. A successful login rotates the HTTP session id, starts a new SSO session (new
 * secret, so nothing planted before login survives), records the login on the pending request and
 * answers 303 to the resume step. Failures show one generic text for unknown users and wrong passwords.
 * Without a pending request, a {@code return} path into Tessera's own pages (see {@link ReturnPaths},
 * never another site) says where to go after the login: the device verification page signs people in so.
 */
@Named("login")
@RequestScoped
public class LoginBacking {
    /** The request parameter (and hidden field) naming where to go after a login without a pending request. */
    public static final String RETURN = "return";

    @Inject
    PageFlow flow;

    @Inject
    UserDirectory users;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    Locales locales;

    @Inject
    ClientView clients;

    @Inject
    KnownDevices devices;

    @Inject
    NegotiateLogin negotiate;

    private String id;
    private String returnTo;
    private String username;
    private String password;
    private boolean remember;
    private Optional<PendingAuthorization> pending;

    /** Called by f:viewAction on GET and before the action on POST. */
    public void load() {
        if (id == null) {
            // The id arrives as ?id= on GET and as the hidden field "id" on the postback; reading the request
            // parameter makes it known before Faces updates the model, when "rendered" is first evaluated.
            id = flow.request().getParameter("id");
        }
        if (returnTo == null) {
            returnTo = ReturnPaths.safe(flow.request().getParameter(RETURN)).orElse(null);
        }
        pending = flow.pending(id);
        pending.ifPresent(p -> {
            if (username == null) {
                username = p.request().loginHint();
            }
            locales.apply(p.request().uiLocales());
        });
        if (isKnownRequest()) {
            negotiate.onGet(id, pending.isPresent(), returnTo);
        }
    }

    public String submit() {
        if (pending == null) {
            load();
        }
        if (!isKnownRequest()) {
            return null;
        }
        LoginResult result = users.authenticate(username == null ? "" : username.trim(), password == null ? "" : password,
                flow.context().peerAddress(), flow.context().cookie(devices.cookieName()).orElse(null));
        password = null;
        if (result instanceof LoginResult.Failure failure) {
            String text = locales.text(failure.messageKey());
            if (text.startsWith("???")) {
                text = locales.text("login.error.invalid");
            }
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            return null;
        }
        LoginResult.Success success = (LoginResult.Success) result;
        flow.request().changeSessionId();
        SessionService.Started started = sessions.start(success.user().subject(), success.amr(), AcrValues.PASSWORD, remember,
                new SessionOrigin(flow.context().peerAddress(), flow.context().userAgent()));
        flow.response().addHeader("Set-Cookie", sessionCookie.header(started.cookieValue(), started.cookieMaxAge()));
        devices.cookieHeader(Usernames.normalize(username.trim())).ifPresent(c -> flow.response().addHeader("Set-Cookie", c));
        negotiate.forget();
        if (pending.isPresent()) {
            pendings.loggedIn(id, success.user().subject());
            flow.resume(id);
        } else {
            flow.seeOther(returnTo);
        }
        return null;
    }

    /** "Sign in with Windows", shown while a sign-out in this browser keeps the Kerberos challenge back. */
    public String getWindowsLink() {
        return negotiate.windowsLink();
    }

    public boolean isKnownRequest() {
        if (pending == null) {
            load();
        }
        return pending.isPresent() || returnTo != null;
    }

    /** Whether the login continues an authorization request (then the page names its client). */
    public boolean isForClient() {
        return isKnownRequest() && pending.isPresent();
    }

    /** The client's branding; asked by the template before the view action on a post-back, so it loads first. */
    public ClientBrand getClient() {
        return isForClient() ? clients.brand(pending.get().clientId()) : null;
    }

    public String getClientName() {
        return pending.map(p -> clients.displayName(p.clientId())).orElse("");
    }

    public String getId() { return id; }
    public String getReturnTo() { return returnTo; }
    public void setId(String id) { this.id = id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isRemember() { return remember; }
    public void setRemember(boolean remember) { this.remember = remember; }
}
