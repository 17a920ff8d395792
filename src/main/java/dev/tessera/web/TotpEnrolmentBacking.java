package dev.tessera.web;

import dev.tessera.mfa.Enrolments;
import dev.tessera.mfa.QrCodes;
import dev.tessera.mfa.TotpCredentials;
import dev.tessera.oauth.AcrValues;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionService;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * Enrolling an authenticator app, for the person of this browser's session: on the account's security page and,
 * when the policy leads there, on the sign-in's second step. Shows the QR code and the secret as text, then takes
 * the first code; a confirmed app raises the session to the second-factor level (the person just proved it) and,
 * for a first factor, shows the ten recovery codes once.
 */
@Named("totpEnrolment")
@RequestScoped
public class TotpEnrolmentBacking {
    /**
     * Plain request parameters rather than bound inputs: the fields live in a panel rendered only while an enrolment
     * is shown, which a request-scoped bean cannot know before Faces decodes the post-back.
     */
    static final String ENROLMENT = "totp-enrolment";
    static final String CODE = "totp-code";
    @Inject
    AccountBacking account;

    @Inject
    Enrolments enrolments;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    PageFlow flow;

    private String enrolmentId;
    private TotpCredentials.Enrolment shown;
    private List<String> recoveryCodes = List.of();
    private boolean decided;

    /** Starts an enrolment and shows it. */
    public String start() {
        if (account.signedIn()) {
            UserAccount person = account.getPerson();
            shown = enrolments.beginTotp(person.subject(), person.username());
            enrolmentId = shown.id();
        }
        return null;
    }

    /** Checks the first code; true when the app is now enrolled. */
    public boolean confirm() {
        if (!account.signedIn()) {
            return false;
        }
        UserAccount person = account.getPerson();
        enrolmentId = flow.request().getParameter(ENROLMENT);
        decided = true;
        Optional<Enrolments.Confirmed> confirmed = enrolments.confirmTotp(person.subject(), enrolmentId,
                flow.request().getParameter(CODE), flow.context().peerAddress());
        if (confirmed.isEmpty()) {
            shown = enrolments.reopenTotp(person.subject(), enrolmentId, person.username()).orElse(null);
            account.say(FacesMessage.SEVERITY_ERROR, "factor.error.code");
            return false;
        }
        recoveryCodes = confirmed.get().recoveryCodes();
        shown = null;
        enrolmentId = null;
        cookie.read(flow.context()).ifPresent(value -> sessions.raise(value, List.of(AcrValues.AMR_OTP), AcrValues.MFA));
        return true;
    }

    /** The confirm button of the account page. */
    public String confirmOnAccount() {
        if (confirm()) {
            account.say(FacesMessage.SEVERITY_INFO, "factor.totp.enrolled");
        }
        return null;
    }

    /** An enrolment is on the page, or (before the action decided) its post-back is being read. */
    public boolean isShowing() { return shown != null || (!decided && flow.request().getParameter(ENROLMENT) != null); }
    public String getSecret() { return shown == null ? "" : shown.secret().replaceAll("(.{4})(?!$)", "$1 "); }
    public String getQr() { return shown == null ? "" : QrCodes.svgDataUrl(shown.uri()); }
    public String getEnrolmentId() { return enrolmentId; }
    public List<String> getRecoveryCodes() { return recoveryCodes; }
    public void showRecoveryCodes(List<String> codes) { recoveryCodes = codes; }
}
