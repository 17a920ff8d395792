package dev.tessera.web;

import dev.tessera.config.MfaSettings;
import dev.tessera.mfa.EnrolledFactor;
import dev.tessera.mfa.Enrolments;
import dev.tessera.mfa.RecoveryCodes;
import dev.tessera.mfa.SecondFactors;
import dev.tessera.mfa.TotpCredentials;
import dev.tessera.oauth.AcrValues;
import dev.tessera.session.Authentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The second factors on the account's security page: what is enrolled, removing the authenticator app and making
 * new recovery codes. Both changes need either a session whose second step is recent ({@code tessera.mfa.fresh-for})
 * or a code typed now, so a stolen password alone cannot take a factor away. The page also tells the person when a
 * recovery code was used, once.
 */
@Named("accountFactors")
@RequestScoped
public class AccountFactorsBacking {
    /** The code field that authorises a change: a one-time code or a recovery code. */
    static final String CODE = "factor-code";

    @Inject
    AccountBacking account;

    @Inject
    SecondFactors factors;

    @Inject
    Enrolments enrolments;

    @Inject
    TotpEnrolmentBacking enrolment;

    @Inject
    RecoveryCodes recovery;

    @Inject
    MfaSettings settings;

    @Inject
    PageFlow flow;

    @Inject
    Locales locales;

    @Inject
    Clock clock;

    private List<EnrolledFactor> enrolled;
    private Instant noticeAt;

    /** One line of the list: what, since when, last used, and how many recovery codes are left. */
    public record Row(String type, String created, String lastUsed, int remaining, boolean recovery) {
    }

    /** f:viewAction: the recovery-code notice is shown once, here or at the next sign-in. */
    public void load() {
        account.load();
        if (account.signedIn()) {
            noticeAt = recovery.noticeDue(subject(), clock.instant());
            if (noticeAt != null) {
                recovery.noticeShown(subject());
            }
        }
    }

    public List<Row> getFactors() {
        // Asked afresh each time: an action of this request (enrol, remove) changes the list.
        enrolled = account.signedIn() ? factors.enrolled(subject()) : List.of();
        return enrolled.stream().map(f -> new Row(locales.text("factor.type." + f.type()), locales.dateTime(f.createdAt()),
                f.lastUsedAt() == null ? "" : locales.dateTime(f.lastUsedAt()), f.remaining(),
                f.type().equals(RecoveryCodes.TYPE))).toList();
    }

    public boolean isTotp() {
        getFactors();
        return enrolled.stream().anyMatch(f -> f.type().equals(TotpCredentials.TYPE));
    }

    /** Whether this session's second step is recent enough to change factors without a code. */
    public boolean isFresh() {
        if (!account.signedIn()) {
            return false;
        }
        Authentication a = account.session().authentication();
        return a.amr().contains(AcrValues.AMR_MFA)
                && Duration.between(a.authTime(), clock.instant()).compareTo(settings.freshFor()) <= 0;
    }

    public String removeTotp() {
        if (isTotp() && authorised()) {
            factors.remove(subject(), TotpCredentials.TYPE, null, subject(), flow.context().peerAddress());
            account.say(FacesMessage.SEVERITY_INFO, "factor.totp.removed");
        }
        return null;
    }

    public String regenerate() {
        if (isTotp() && authorised()) {
            enrolment.showRecoveryCodes(enrolments.regenerate(subject(), flow.context().peerAddress()));
        }
        return null;
    }

    public String getNoticeAt() {
        return noticeAt == null ? "" : locales.dateTime(noticeAt);
    }

    /** A fresh second step, or a code typed now (also for the passkeys of {@link AccountPasskeysBacking}). */
    boolean authorised() {
        if (isFresh()) {
            return true;
        }
        SecondFactors.Outcome outcome = factors.check(subject(), flow.request().getParameter(CODE), flow.context().peerAddress());
        if (!outcome.accepted()) {
            account.say(FacesMessage.SEVERITY_ERROR, outcome.result() == SecondFactors.Result.THROTTLED
                    ? "factor.error.throttled" : "factor.error.authorise");
        }
        return outcome.accepted();
    }

    private String subject() {
        return account.getPerson().subject();
    }
}
