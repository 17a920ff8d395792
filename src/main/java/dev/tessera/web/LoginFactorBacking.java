package dev.tessera.web;

import dev.tessera.authorize.Interactions;
import dev.tessera.authorize.PendingAuthorization;
import dev.tessera.authorize.PendingAuthorizations;
import dev.tessera.mfa.LevelPolicy;
import dev.tessera.mfa.RecoveryCodes;
import dev.tessera.mfa.SecondFactors;
import dev.tessera.mfa.webauthn.PasskeyCeremonies;
import dev.tessera.mfa.webauthn.Passkeys;
import dev.tessera.oauth.AcrValues;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The second step of a sign-in ({@code /ui/login-factor.xhtml?id=}), where {@code /authorize} sends a person whose
 * session is below the level the request needs (docs/strong-authentication.md). Only the missing factor is asked:
 * a one-time code or a recovery code ({@link SecondFactors}), or a passkey; a person without a factor enrols one here
 * when the policy allows (an app, or a passkey when the level is phishing-resistant), or reads why they cannot go on
 * and returns to the application. A correct code raises this
 * browser's session (same sid) and answers 303 to the resume step; the page also tells a person that a recovery
 * code was used since their last sign-in.
 */
@Named("loginFactor")
@RequestScoped
public class LoginFactorBacking {
    /** The code field: a plain parameter, so its panel may be rendered by state (see TotpEnrolmentBacking). */
    static final String CODE = "code";
    /**
     * Hidden on the page after an enrolment at sign-in: the post-back of its "continue" is read in that state (a
     * request-scoped bean learns its state from the request, and the button renders only in it).
     */
    static final String CODES_SHOWN = "codes";

    public enum State { EXPIRED, NOTICE, VERIFY, ENROL, ENROL_PASSKEY, CODES, UNAVAILABLE }

    @Inject
    PageFlow flow;

    @Inject
    AccountBacking account;

    @Inject
    TotpEnrolmentBacking enrolment;

    @Inject
    SecondFactors factors;

    @Inject
    RecoveryCodes recovery;

    @Inject
    LevelPolicy policy;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    Locales locales;

    @Inject
    Clock clock;

    @Inject
    PasskeyCeremonies ceremonies;

    @Inject
    Passkeys passkeys;

    @Inject
    ClientView clients;

    private String id;
    /** Where to go on without a pending authorization: the device confirmation page's step-up (a safe path), or null. */
    private String back;
    private boolean passkeyOnly;
    private boolean hasPasskey;
    private String passkeyOptions;
    private State state;
    private Instant noticeAt;

    /** f:viewAction on GET; asked lazily on a post-back. */
    public void load() {
        id = flow.request().getParameter("id");
        Optional<PendingAuthorization> pending = flow.pending(id);
        back = pending.isPresent() ? null : ReturnPaths.safe(flow.request().getParameter(LoginBacking.RETURN)).orElse(null);
        if ((pending.isEmpty() && back == null) || !account.signedIn()) {
            state = State.EXPIRED;
            return;
        }
        String subject = account.getPerson().subject();
        noticeAt = recovery.noticeDue(subject, clock.instant());
        // A phishing-resistant level is reached by a passkey or security key only; a code cannot, nor can enrolling an app.
        // (The device confirmation page asks for the floors only, never for phr: no pending authorization there.)
        passkeyOnly = pending.flatMap(p -> clients.find(p.clientId()).map(client -> AcrValues.PHR.equals(
                policy.requirement(p.request().acrValues(), p.request().claims(), client, subject).acr()))).orElse(false);
        hasPasskey = !passkeys.credentials(subject).isEmpty();
        if (flow.request().getParameter(Interactions.NOTICE) != null && noticeAt != null) {
            state = State.NOTICE;
        } else if (flow.request().getParameter(CODES_SHOWN) != null && factors.hasFactor(subject)) {
            state = State.CODES;
        } else if (factors.hasFactor(subject) && (hasPasskey || !passkeyOnly)) {
            state = State.VERIFY;
        } else if (passkeyOnly && !factors.hasFactor(subject) && policy.mayEnrolAtSignIn(subject)) {
            state = State.ENROL_PASSKEY; // issue 20 point 4: "led to enrol it at once (when the policy allows)"
        } else if (policy.mayEnrolAtSignIn(subject) && !passkeyOnly) {
            state = State.ENROL;
            if (!flow.request().getMethod().equals("POST")) {
                enrolment.start();
            }
        } else {
            state = State.UNAVAILABLE;
        }
    }

    public State getState() {
        if (state == null) {
            load();
        }
        return state;
    }

    /** A one-time code or a recovery code. */
    public String verify() {
        if (getState() != State.VERIFY) {
            return null;
        }
        String subject = account.getPerson().subject();
        SecondFactors.Outcome outcome = factors.check(subject, flow.request().getParameter(CODE), flow.context().peerAddress());
        switch (outcome.result()) {
            case ACCEPTED -> {
                cookie.read(flow.context()).ifPresent(value -> sessions.raise(value, outcome.factor().amr(), AcrValues.MFA));
                flow.request().changeSessionId();
                onwards();
            }
            case THROTTLED -> account.say(FacesMessage.SEVERITY_ERROR, "factor.error.throttled");
            default -> account.say(FacesMessage.SEVERITY_ERROR, "factor.error.code");
        }
        return null;
    }

    /** A passkey or security key: raises the session to the phishing-resistant level. */
    public String verifyPasskey() {
        if (getState() != State.VERIFY) {
            return null;
        }
        String subject = account.getPerson().subject();
        Optional<PasskeyCeremonies.Proof> proof = ceremonies.authenticate(subject, PasskeyPages.binding(flow.request()),
                flow.request().getParameter(PasskeyPages.RESPONSE), flow.context().peerAddress());
        if (proof.isEmpty()) {
            account.say(FacesMessage.SEVERITY_ERROR, ceremonies.throttled(subject) ? "factor.error.throttled" : "passkey.error.signin");
            return null;
        }
        cookie.read(flow.context()).ifPresent(value -> sessions.raise(value, proof.get().amr(), AcrValues.PHR));
        flow.request().changeSessionId();
        onwards();
        return null;
    }

    /** The request options for the person's credentials, with a challenge bound to this browser (once per page). */
    public String getPasskeyOptions() {
        if (passkeyOptions == null && getState() == State.VERIFY && hasPasskey) {
            passkeyOptions = ceremonies.authenticationOptions(account.getPerson().subject(), PasskeyPages.binding(flow.request()));
        }
        return passkeyOptions;
    }

    public boolean isPasskeyOnly() { getState(); return passkeyOnly; }
    public boolean isPasskey() { getState(); return hasPasskey; }

    /**
     * A passkey registered at sign-in (the account page's ceremony), for a person with no factor yet whom the policy
     * lets enrol here. Registering proves no sign-in by itself: the page then asks for the new passkey, like any second step.
     */
    public String registerPasskey() {
        if (getState() != State.ENROL_PASSKEY) {
            return null;
        }
        boolean added = ceremonies.register(account.getPerson().subject(), PasskeyPages.binding(flow.request()),
                flow.request().getParameter(PasskeyPages.RESPONSE), locales.text("passkey.default-name"), flow.context().peerAddress()).isPresent();
        account.say(added ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, added ? "passkey.added" : "passkey.error.add");
        if (added) {
            state = State.VERIFY;
            hasPasskey = true;
        }
        return null;
    }

    /** The creation options for a passkey enrolled at sign-in (once per page). */
    public String getPasskeyCreationOptions() {
        if (passkeyOptions == null && getState() == State.ENROL_PASSKEY) {
            passkeyOptions = ceremonies.registrationOptions(account.getPerson().subject(), account.getPerson().username(),
                    PasskeyPages.binding(flow.request()));
        }
        return passkeyOptions;
    }

    /** The first code of an app enrolled at sign-in; then the recovery codes, once. */
    public String confirm() {
        if (getState() != State.ENROL || !enrolment.confirm()) {
            return null;
        }
        if (enrolment.getRecoveryCodes().isEmpty()) {
            onwards();
        } else {
            state = State.CODES;
        }
        return null;
    }

    /** Continue after the recovery codes or the notice. */
    public String proceed() {
        State now = getState();
        if (now == State.NOTICE) {
            recovery.noticeShown(account.getPerson().subject());
        }
        if (now != State.EXPIRED) {
            onwards();
        }
        return null;
    }

    /** The person cannot reach the level: back to the application, which hears so. */
    public String giveUp() {
        if (getState() == State.UNAVAILABLE) {
            if (back == null) {
                pendings.unmet(id);
            }
            onwards();
        }
        return null;
    }

    /** Back to the authorization request, or to the page that asked for the step (its own page says what is missing). */
    private void onwards() {
        if (back != null) {
            flow.seeOther(back);
        } else {
            flow.resume(id);
        }
    }

    public boolean is(String name) { return getState().name().equals(name); }
    public String getId() { return id; }
    public String getBack() { return back; }
    public String getNoticeAt() { return noticeAt == null ? "" : locales.dateTime(noticeAt); }
}
