package dev.tessera.web;

import dev.tessera.admin.InitialAccessTokenChanges;
import dev.tessera.registration.InitialAccessTokenRequest;
import dev.tessera.registration.InitialAccessTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Initial access tokens for dynamic registration (RFC 7591 §3) in the console: 25 a page newest first (offset on the
 * server, as {@code GET /admin/api/initial-access-tokens}), issue one (its value is shown on that answer only: only
 * its hash is stored) and revoke one, through {@link InitialAccessTokenChanges} (the API's rules and audit records).
 */
@Named("consoleTokens")
@RequestScoped
public class ConsoleRegistrationTokensBacking {
    static final int PAGE = 25;

    /** One token as listed: never its value. */
    public record Row(String id, String created, String expires, int remainingUses) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    InitialAccessTokens tokens;

    @Inject
    InitialAccessTokenChanges changes;

    private List<InitialAccessTokens.Listed> page;
    private String expiresIn;
    private String uses;
    private String issued;

    public int getOffset() {
        return console.offset();
    }

    public List<Row> getRows() {
        if (page == null) {
            page = tokens.list(getOffset(), PAGE + 1);
        }
        Locales locales = console.locales();
        return page.stream().limit(PAGE).map(t -> new Row(t.id(), locales.dateTime(t.createdAt()), locales.dateTime(t.expiresAt()),
                t.remainingUses())).toList();
    }

    public String getNext() {
        getRows();
        return page.size() > PAGE ? "/ui/admin/initial-access-tokens.xhtml?offset=" + (getOffset() + PAGE) : null;
    }

    public String getExpiresIn() {
        return expiresIn;
    }

    public void setExpiresIn(String expiresIn) {
        this.expiresIn = expiresIn;
    }

    public String getUses() {
        return uses;
    }

    public void setUses(String uses) {
        this.uses = uses;
    }

    /** The token just issued, or null: it is never shown again. */
    public String getIssued() {
        return issued;
    }

    public String issue() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        number(json, InitialAccessTokenRequest.EXPIRES_IN, expiresIn);
        number(json, InitialAccessTokenRequest.USES, uses);
        InitialAccessTokens.Issued made = console.change("console.tokens.issued", () -> changes.issue(json.build(), console.actor()));
        issued = made == null ? null : made.token();
        page = null;
        return null;
    }

    public String revoke(String id) {
        console.change("console.tokens.revoked", () -> {
            changes.revoke(id, console.actor());
            return Boolean.TRUE;
        });
        page = null;
        return null;
    }

    /** A number as the API's JSON has it; text that is not one goes as text, for the API's own error. */
    private static void number(JsonObjectBuilder json, String name, String value) {
        if (value != null && !value.isBlank()) {
            if (value.strip().matches("-?\\d{1,9}")) {
                json.add(name, Long.parseLong(value.strip()));
            } else {
                json.add(name, value.strip());
            }
        }
    }
}
