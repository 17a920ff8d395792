package dev.tessera.web;

import dev.tessera.consent.Consent;
import dev.tessera.consent.ConsentService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The connected applications page: each client the person gave remembered consent to, with what it may see and
 * since when; "remove access" deletes the consent, revokes the client's refresh and access tokens for the person
 * and sends it a back-channel logout (the same rule as the admin API's consent revocation).
 */
@Named("accountApps")
@RequestScoped
public class AccountAppsBacking {
    /** One row of the page. */
    public record Row(String clientId, String name, List<String> access, String granted) {
    }

    @Inject
    AccountBacking account;

    @Inject
    ConsentService consents;

    @Inject
    AccountSignOuts signOuts;

    @Inject
    ClientView clients;

    @Inject
    Locales locales;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = !account.signedIn() ? List.of() : consents.of(account.getPerson().subject()).stream().map(this::row).toList();
        }
        return rows;
    }

    private Row row(Consent c) {
        return new Row(c.clientId(), clients.displayName(c.clientId()), locales.describeScopes(c.scopes()), locales.dateTime(c.grantedAt()));
    }

    public String remove(String clientId) {
        if (!account.signedIn()) {
            account.load();
            return null;
        }
        if (signOuts.removeAccess(account.getPerson().subject(), clientId)) {
            account.say(FacesMessage.SEVERITY_INFO, "account.apps.removed");
        }
        rows = null;
        return null;
    }
}
