package dev.tessera.web;

import dev.tessera.authorize.PendingAuthorization;
import dev.tessera.authorize.Interactions;
import dev.tessera.authorize.PendingAuthorizations;
import dev.tessera.client.Client;
import dev.tessera.consent.ConsentService;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SignedOutMark;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The consent page: the client's name and https logo, each requested scope with a human description,
 * approve and deny. Approval is remembered for the signed-in user, client and scopes; denial ends the
 * request with access_denied. Both require the SSO session and the browser that started the request. The page
 * names who is signed in and since when, with a "not you?" switch to another account.
 */
@Named("consent")
@RequestScoped
public class ConsentBacking {

    @Inject
    PageFlow flow;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    SignedOutMark signedOut;

    @Inject
    SessionService sessions;

    @Inject
    ConsentService consents;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    ClientView clients;

    @Inject
    Locales locales;

    @Inject
    UserDirectory users;

    private String id;
    private Optional<PendingAuthorization> pending;
    private Optional<SsoSession> session;
    private Optional<UserAccount> account = Optional.empty();

    public void load() {
        if (id == null) {
            // The id arrives as ?id= on GET and as the hidden field "id" on the postback; reading the request
            // parameter makes it known before Faces updates the model, when "rendered" is first evaluated.
            id = flow.request().getParameter("id");
        }
        pending = flow.pending(id);
        session = sessionCookie.read(flow.context()).flatMap(sessions::current);
        account = session.flatMap(s -> users.findBySubject(s.subject()));
        pending.ifPresent(p -> locales.apply(p.request().uiLocales(), account));
    }

    public boolean isKnownRequest() {
        if (pending == null) {
            load();
        }
        return pending.isPresent() && session.isPresent();
    }

    public String approve() {
        if (!isKnownRequest()) {
            return null;
        }
        PendingAuthorization p = pending.get();
        consents.grant(session.get().subject(), p.clientId(), p.request().scope());
        pendings.consented(id, true);
        flow.resume(id);
        return null;
    }

    /**
     * "Not you?": ends this browser's SSO session and sends the person to the login page of the same request,
     * so another person signs in and is asked for consent in their own name.
     */
    public String switchUser() {
        if (!isKnownRequest()) {
            return null;
        }
        sessionCookie.read(flow.context()).ifPresent(sessions::end);
        flow.response().addHeader("Set-Cookie", sessionCookie.clearing());
        // Another person signs in here: by the form, not by the ticket of whoever uses this machine.
        signedOut.setting().ifPresent(c -> flow.response().addHeader("Set-Cookie", c));
        flow.seeOther(Interactions.LOGIN_PAGE + "?id=" + id);
        return null;
    }

    public String deny() {
        if (!isKnownRequest()) {
            return null;
        }
        pendings.consented(id, false);
        flow.resume(id);
        return null;
    }

    public String getClientName() {
        return pending.map(p -> clients.displayName(p.clientId())).orElse("");
    }

    /** The client's branding; asked by the template before the view action on a post-back, so it loads first. */
    public ClientBrand getClient() {
        return isKnownRequest() ? clients.brand(pending.get().clientId()) : null;
    }

    /** Who is signed in: the account's username, else its subject. */
    public String getUsername() {
        return account.map(UserAccount::username).or(() -> session.map(SsoSession::subject)).orElse("");
    }

    /** When this person signed in, in their language and zone. */
    public String getSignedInAt() {
        return session.map(s -> locales.dateTime(s.authentication().authTime())).orElse("");
    }

    public String getPolicyUri() {
        return pending.flatMap(p -> clients.find(p.clientId())).map(Client::policyUri).map(ClientView::httpsOnly).orElse(null);
    }

    public String getTosUri() {
        return pending.flatMap(p -> clients.find(p.clientId())).map(Client::tosUri).map(ClientView::httpsOnly).orElse(null);
    }

    /** Each scope with its description from the bundle ({@code scope.<name>}); unknown scopes by name. */
    public List<String> getScopes() {
        return pending.map(p -> locales.describeScopes(p.request().scope())).orElse(List.of());
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
