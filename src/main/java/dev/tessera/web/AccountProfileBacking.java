package dev.tessera.web;

import dev.tessera.oauth.OAuthException;
import dev.tessera.user.SelfService;
import dev.tessera.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile form of the account page: the editable claims of a local account, prefilled; saved through
 * {@link SelfService}, which checks each claim's format as the admin API does.
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
        try {
            self.updateProfile(account.getPerson().subject(), getValues(), flow.context().peerAddress());
            account.say(FacesMessage.SEVERITY_INFO, "account.profile.saved");
        } catch (OAuthException e) {
            account.say(FacesMessage.SEVERITY_ERROR, "account.profile.invalid", e.description());
        }
        return null;
    }
}
