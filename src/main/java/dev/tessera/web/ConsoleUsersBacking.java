package dev.tessera.web;

import dev.tessera.config.UserStoreSettings;
import dev.tessera.user.JpaUserStore;
import dev.tessera.user.User;
import dev.tessera.user.UserAdministration;
import dev.tessera.user.ldap.LdapUnavailableException;
import dev.tessera.user.ldap.LdapUserSearch;
import dev.tessera.user.ldap.LdapUserStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The console's users page: one search over the local store and the directory, each answered a page at a time by
 * its own store (the admin API's services: the local search with offset and limit, the directory's RFC 2696 paged
 * search with its cookie), never a listing of either.
 */
@Named("consoleUsers")
@RequestScoped
public class ConsoleUsersBacking {
    static final int PAGE = 25;
    static final String QUERY = "q";
    static final String OFFSET = "offset";
    static final String COOKIE = "cookie";

    /** One row: a local account or a directory entry. */
    public record Row(String subject, String username, String name, String store, boolean enabled) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    UserAdministration users;

    @Inject
    UserStoreSettings stores;

    @Inject
    LdapUserSearch directory;

    private String query;
    private List<Row> rows;
    private boolean moreLocal;
    private String directoryCookie;

    public String getQuery() {
        return query != null ? query : console.parameter(QUERY);
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String search() {
        console.show("users.xhtml", QUERY, query);
        return null;
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = new ArrayList<>();
            if (stores.stores().contains(JpaUserStore.ID) && console.parameter(COOKIE) == null) {
                List<User> local = users.search(console.parameter(QUERY), offset(), PAGE + 1);
                moreLocal = local.size() > PAGE;
                local.stream().limit(PAGE).forEach(u -> rows.add(new Row(u.subject(), u.username(),
                        Optional.ofNullable(u.profile().name()).orElse(""), JpaUserStore.ID, u.enabled())));
            }
            if (stores.stores().contains(LdapUserStore.ID) && offset() == 0) {
                directoryPage();
            }
        }
        return rows;
    }

    private void directoryPage() {
        try {
            LdapUserSearch.Page page = directory.search(console.parameter(QUERY), PAGE, console.parameter(COOKIE));
            page.users().forEach(u -> rows.add(new Row(u.subject(), u.username(),
                    Optional.ofNullable(u.claims().get("name")).map(String::valueOf).orElse(""), LdapUserStore.ID, u.enabled())));
            directoryCookie = page.cookie().orElse(null);
        } catch (IllegalArgumentException e) {
            console.locales().say(FacesMessage.SEVERITY_ERROR, "console.refused", e.getMessage());
        } catch (LdapUnavailableException | FaultToleranceException e) {
            console.locales().say(FacesMessage.SEVERITY_ERROR, "console.users.directory-down");
        }
    }

    /** The next page of local accounts, or null. */
    public String getNextLocal() {
        getRows();
        return moreLocal ? link(OFFSET, String.valueOf(offset() + PAGE)) : null;
    }

    /** The next page of the directory, or null. */
    public String getNextDirectory() {
        getRows();
        return directoryCookie == null ? null : link(COOKIE, directoryCookie);
    }

    private String link(String name, String value) {
        String q = console.parameter(QUERY);
        return "users.xhtml?" + name + "=" + ConsoleBacking.encode(value) + (q == null ? "" : "&" + QUERY + "=" + ConsoleBacking.encode(q));
    }

    private int offset() {
        return console.offset();
    }
}
