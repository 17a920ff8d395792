package dev.tessera.web;

import dev.tessera.user.SelfService;
import dev.tessera.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The profile form of the account page: the editable claims of a local account, prefilled; saved through
 * {@link SelfService}, which checks each claim's format as the admin API does; a refusal names the claim and the
 * problem in the page's language.
 */
@Named("accountProfile")
@RequestScoped
public class AccountProfileBacking {
    @Inject
    AccountBacking account;

    @Inject
    SelfService self;

    @Inject
    PageFlow flow;

    @Inject
    Locales locales;

    private Map<String, String> values;

    /** The editable claims, by name, bound to the form's inputs; prefilled from the stored profile. */
    public Map<String, String> getValues() {
        if (values == null) {
            values = new HashMap<>();
            User user = account.getLocalUser();
            if (user != null) {
                account.getPerson().claims().forEach((k, v) -> {
                    if (SelfService.EDITABLE.contains(k)) {
                        values.put(k, String.valueOf(v));
                    }
                });
            }
        }
        return values;
    }

    public List<String> getEditable() {
        return account.isLocal() ? self.editable() : List.of();
    }

    public String save() {
        if (!account.signedIn() || !account.isLocal()) {
            account.load();
            return null;
        }
        Optional<SelfService.ProfileRefusal> refused = self.updateProfile(account.getPerson().subject(), getValues(),
                flow.context().peerAddress());
        if (refused.isEmpty()) {
            account.say(FacesMessage.SEVERITY_INFO, "account.profile.saved");
        } else {
            SelfService.ProfileRefusal r = refused.get();
            account.say(FacesMessage.SEVERITY_ERROR, "account.profile.refused." + r.kind().name().toLowerCase(Locale.ROOT),
                    r.claim() == null ? "" : locales.text("account.claim." + r.claim()));
        }
        return null;
    }
}
