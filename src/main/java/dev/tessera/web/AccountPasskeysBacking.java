package dev.tessera.web;

import dev.tessera.mfa.SecondFactors;
import dev.tessera.mfa.webauthn.PasskeyCeremonies;
import dev.tessera.mfa.webauthn.Passkeys;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Passkeys and security keys on the account's security page: the list (name, added, last used), adding one (the
 * registration ceremony, run by webauthn.js with the options this bean renders), renaming and removing. Removing
 * follows the rule of the other factors ({@link AccountFactorsBacking#authorised}): a recent second step or a code.
 */
@Named("accountPasskeys")
@RequestScoped
public class AccountPasskeysBacking {
    /** The name field of a new credential, and the prefix of each row's rename field. */
    static final String NAME = "passkey-name";
    static final String RENAME = "passkey-rename-";

    @Inject
    AccountBacking account;

    @Inject
    AccountFactorsBacking accountFactors;

    @Inject
    PasskeyCeremonies ceremonies;

    @Inject
    Passkeys passkeys;

    @Inject
    SecondFactors factors;

    @Inject
    PageFlow flow;

    @Inject
    Locales locales;

    private String options;

    /** One credential as the page lists it. */
    public record Row(String id, String name, String created, String lastUsed) {
    }

    public List<Row> getPasskeys() {
        return !account.signedIn() ? List.of() : passkeys.credentials(subject()).stream().map(c -> new Row(c.id(), c.name(),
                locales.dateTime(c.createdAt()), c.lastUsedAt() == null ? "" : locales.dateTime(c.lastUsedAt()))).toList();
    }

    /** The creation options, with a challenge bound to this browser's session (made once per page). */
    public String getOptions() {
        if (options == null && account.signedIn()) {
            UserAccount person = account.getPerson();
            options = ceremonies.registrationOptions(person.subject(), person.username(), PasskeyPages.binding(flow.request()));
        }
        return options;
    }

    public String register() {
        if (!account.signedIn()) {
            return null;
        }
        String name = flow.request().getParameter(NAME);
        boolean added = ceremonies.register(subject(), PasskeyPages.binding(flow.request()), flow.request().getParameter(PasskeyPages.RESPONSE),
                name == null || name.isBlank() ? locales.text("passkey.default-name") : name, flow.context().peerAddress()).isPresent();
        account.say(added ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, added ? "passkey.added" : "passkey.error.add");
        return null;
    }

    public String rename(String id) {
        if (account.signedIn()) {
            boolean renamed = passkeys.rename(subject(), id, flow.request().getParameter(RENAME + id));
            account.say(renamed ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, renamed ? "passkey.renamed" : "passkey.error.name");
        }
        return null;
    }

    public String remove(String id) {
        if (account.signedIn() && accountFactors.authorised()
                && factors.remove(subject(), Passkeys.TYPE, id, subject(), flow.context().peerAddress()) > 0) {
            account.say(FacesMessage.SEVERITY_INFO, "passkey.removed");
        }
        return null;
    }

    private String subject() {
        return account.getPerson().subject();
    }
}
