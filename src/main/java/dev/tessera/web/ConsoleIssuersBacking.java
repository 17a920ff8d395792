package dev.tessera.web;

import dev.tessera.admin.TrustedIssuerChanges;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.OAuthError;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.trust.TrustedIssuerJson;
import dev.tessera.trust.TrustedIssuers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The trusted issuers of JWT bearer assertions (RFC 7523) in the console: 25 a page by offset on the server (ordered
 * by id, as {@code GET /admin/api/trusted-issuers}), one of them (or a new one) as the admin API's JSON, saved or
 * deleted through {@link TrustedIssuerChanges} (the API's rules and audit records).
 */
@Named("consoleIssuers")
@RequestScoped
public class ConsoleIssuersBacking {
    static final int PAGE = 25;
    static final String ID = "id";
    static final String TEMPLATE = "{\n  \"id\": \"\",\n  \"issuer\": \"https://issuer.example.com\",\n  \"jwks_uri\": \"https://issuer.example.com/jwks\",\n"
            + "  \"allowed_subjects\": [\"*\"],\n  \"allowed_clients\": [\"*\"],\n  \"subject_mapping\": \"service\"\n}";

    @Inject
    ConsoleBacking console;

    @Inject
    TrustedIssuers issuers;

    @Inject
    TrustedIssuerChanges changes;

    private String json;
    private List<TrustedIssuer> page;

    public int getOffset() {
        return console.offset();
    }

    public List<TrustedIssuer> getRows() {
        if (page == null) {
            page = issuers.list(getOffset(), PAGE + 1);
        }
        return page.size() > PAGE ? page.subList(0, PAGE) : page;
    }

    public String getNext() {
        getRows();
        return page.size() > PAGE ? "/ui/admin/trusted-issuers.xhtml?offset=" + (getOffset() + PAGE) : null;
    }

    public String getId() {
        return console.parameter(ID);
    }

    public Optional<TrustedIssuer> selected() {
        return getId() == null ? Optional.empty() : issuers.find(getId());
    }

    public boolean isExisting() {
        return selected().isPresent();
    }

    public String getJson() {
        if (json == null) {
            json = selected().map(t -> ConsoleClientBacking.pretty(TrustedIssuerJson.of(t).build())).orElse(TEMPLATE);
        }
        return json;
    }

    public void setJson(String json) {
        this.json = json;
    }

    public String save() {
        String id = getId();
        TrustedIssuer saved = isExisting()
                ? console.change("console.issuers.saved", () -> changes.update(id, JsonBodies.object(json, OAuthError.INVALID_REQUEST), console.actor()))
                : console.change("console.issuers.saved", () -> changes.create(JsonBodies.object(json, OAuthError.INVALID_REQUEST), console.actor()));
        if (saved != null) {
            console.show("trusted-issuers.xhtml", ID, saved.id());
        }
        return null;
    }

    public String delete() {
        String id = getId();
        if (console.change("console.issuers.deleted", () -> {
            changes.delete(id, console.actor());
            return Boolean.TRUE;
        }) != null) {
            console.show("trusted-issuers.xhtml");
        }
        return null;
    }
}
