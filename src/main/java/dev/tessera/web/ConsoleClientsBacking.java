package dev.tessera.web;

import dev.tessera.client.Client;
import dev.tessera.client.ClientRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The console's clients page: a search by the start of client_id or name, answered a page at a time by the database
 * (keyset paging on client_id: {@value #PAGE} rows and one more to know whether a next page exists), never a listing.
 */
@Named("consoleClients")
@RequestScoped
public class ConsoleClientsBacking {
    static final int PAGE = 25;
    static final String QUERY = "q";
    static final String AFTER = "after";

    /** One row of the page. */
    public record Row(String clientId, String name, boolean enabled, String grants) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    ClientRegistry registry;

    private String query;
    private List<Client> found;

    public String getQuery() {
        return query != null ? query : console.parameter(QUERY);
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String search() {
        console.show("clients.xhtml", QUERY, query);
        return null;
    }

    public List<Row> getRows() {
        return found().stream().limit(PAGE).map(c -> new Row(c.clientId(), c.clientName() == null ? "" : c.clientName(), c.enabled(),
                String.join(" ", c.grantTypes()))).toList();
    }

    /** The link to the next page, or null on the last. */
    public String getNext() {
        List<Client> page = found();
        if (page.size() <= PAGE) {
            return null;
        }
        StringBuilder next = new StringBuilder("clients.xhtml?" + AFTER + "=").append(ConsoleBacking.encode(page.get(PAGE - 1).clientId()));
        if (console.parameter(QUERY) != null) {
            next.append('&').append(QUERY).append('=').append(ConsoleBacking.encode(console.parameter(QUERY)));
        }
        return next.toString();
    }

    private List<Client> found() {
        if (found == null) {
            found = registry.search(console.parameter(QUERY), console.parameter(AFTER), PAGE + 1);
        }
        return found;
    }
}
