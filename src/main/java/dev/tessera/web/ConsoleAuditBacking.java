package dev.tessera.web;

import dev.tessera.audit.AuditChain;
import dev.tessera.audit.AuditFilter;
import dev.tessera.audit.AuditRecord;
import dev.tessera.audit.AuditSearch;
import dev.tessera.audit.AuditType;
import dev.tessera.audit.ChainVerification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The console's audit page: the trail, newest first, filtered by time, actor, subject, client and type (the filter is
 * the page's query, so a view can be bookmarked and shared), paged by the sequence cursor the admin API uses; and the
 * verification of the hash chain, which names the first row that breaks it.
 */
@Named("consoleAudit")
@RequestScoped
public class ConsoleAuditBacking {
    static final int PAGE = 50;
    static final List<String> FILTERS = List.of("from", "to", "actor", "subject", "client", "type");
    static final String BEFORE = "before";

    /** One row of the page. */
    public record Row(long seq, String at, String type, String actor, String subject, String clientId, String address, String detail) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    AuditSearch search;

    @Inject
    AuditChain chain;

    private final String[] filter = new String[FILTERS.size()];
    private List<AuditRecord> found;

    public String getFrom() { return value(0); }
    public void setFrom(String v) { filter[0] = v; }
    public String getTo() { return value(1); }
    public void setTo(String v) { filter[1] = v; }
    public String getActor() { return value(2); }
    public void setActor(String v) { filter[2] = v; }
    public String getSubject() { return value(3); }
    public void setSubject(String v) { filter[3] = v; }
    public String getClient() { return value(4); }
    public void setClient(String v) { filter[4] = v; }
    public String getType() { return value(5); }
    public void setType(String v) { filter[5] = v; }

    public List<String> getTypes() {
        return Arrays.stream(AuditType.values()).map(AuditType::wireName).sorted().toList();
    }

    public String apply() {
        String[] query = new String[FILTERS.size() * 2];
        for (int i = 0; i < FILTERS.size(); i++) {
            query[2 * i] = FILTERS.get(i);
            query[2 * i + 1] = filter[i];
        }
        console.show("audit.xhtml", query);
        return null;
    }

    public List<Row> getRows() {
        Locales locales = console.locales();
        return found().stream().limit(PAGE).map(r -> new Row(r.seq(), locales.dateTime(r.occurredAt()), r.type(), r.actor(), r.subject(),
                r.clientId(), r.address(), r.detail())).toList();
    }

    /** The next (older) page, or null. */
    public String getNext() {
        List<AuditRecord> rows = found();
        if (rows.size() <= PAGE) {
            return null;
        }
        StringBuilder next = new StringBuilder("audit.xhtml?" + BEFORE + "=" + rows.get(PAGE - 1).seq());
        for (String name : FILTERS) {
            String v = console.parameter(name);
            if (v != null) {
                next.append('&').append(name).append('=').append(ConsoleBacking.encode(v));
            }
        }
        return next.toString();
    }

    /** Verifies the chain from its anchor to its head; reading only, so read-only operators may. */
    public String verify() {
        ChainVerification v = chain.verify();
        if (v.intact()) {
            console.locales().say(FacesMessage.SEVERITY_INFO, "console.audit.intact", v.checked());
        } else {
            console.locales().say(FacesMessage.SEVERITY_ERROR, "console.audit.broken", v.broken().seq(), v.broken().reason());
        }
        return null;
    }

    private List<AuditRecord> found() {
        if (found == null) {
            try {
                String type = console.parameter("type");
                found = search.find(new AuditFilter(time("from"), time("to"), console.parameter("actor"), console.parameter("subject"),
                        console.parameter("client"), type == null ? Set.of() : Set.of(type), before(), PAGE + 1));
            } catch (DateTimeParseException | NumberFormatException e) {
                console.locales().say(FacesMessage.SEVERITY_ERROR, "console.audit.bad-filter");
                found = List.of();
            }
        }
        return found;
    }

    private Instant time(String name) {
        String v = console.parameter(name);
        return v == null ? null : Instant.parse(v);
    }

    private Long before() {
        String v = console.parameter(BEFORE);
        return v == null ? null : Long.valueOf(v);
    }

    private String value(int i) {
        return filter[i] != null ? filter[i] : console.parameter(FILTERS.get(i));
    }
}
