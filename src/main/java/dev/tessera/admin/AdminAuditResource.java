package dev.tessera.admin;

import dev.tessera.audit.AuditChain;
import dev.tessera.audit.AuditFilter;
import dev.tessera.audit.AuditJson;
import dev.tessera.audit.AuditRecord;
import dev.tessera.audit.AuditSearch;
import dev.tessera.audit.AuditTrail;
import dev.tessera.audit.AuditType;
import dev.tessera.audit.ChainVerification;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail for operators (docs/audit.md): the events, newest first, filtered by time, actor, subject,
 * client and type and paged by a cursor; and the verification of the hash chain, which names the first row
 * that breaks it.
 */
@Path("/admin/api/audit")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {
    static final int MAX_PAGE = 500;

    @Inject
    AuditSearch search;

    @Inject
    AuditChain chain;

    @Inject
    AuditTrail trail;

    @GET
    @Operation(summary = "Audit events, newest first; next_before is the cursor of the next page")
    public Response list(@Parameter(description = "RFC 3339 time, inclusive") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time, exclusive") @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("subject") String subject, @QueryParam("client_id") String clientId,
            @Parameter(description = "event type wire name; repeat for several") @QueryParam("type") List<String> types,
            @Parameter(description = "only events numbered below this (next_before of the previous page)")
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "limit must be between 1 and " + MAX_PAGE);
        }
        List<AuditRecord> rows = search.find(new AuditFilter(time("from", from), time("to", to), blank(actor), blank(subject),
                blank(clientId), types(types), before, limit));
        StringBuilder json = new StringBuilder("{\"events\":[")
                .append(rows.stream().map(AuditJson::of).collect(Collectors.joining(","))).append(']');
        if (rows.size() == limit) {
            json.append(",\"next_before\":").append(rows.get(rows.size() - 1).seq());
        }
        return Response.ok(json.append('}').toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the hash chain from its anchor to its head; names the first row that breaks it")
    public Response verify() {
        ChainVerification v = chain.verify();
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder().add("intact", v.intact())
                .add("checked", v.checked()).add("anchor_seq", v.anchorSeq()).add("head_seq", v.headSeq())
                .add("failed_writes", trail.failedWrites());
        if (v.broken() != null) {
            json.add("first_broken_seq", v.broken().seq()).add("reason", v.broken().reason());
        }
        return Response.ok(json.build().toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, name + " must be an RFC 3339 time in UTC such as 2026-01-31T12:00:00Z");
        }
    }

    private static Set<String> types(List<String> types) {
        Set<String> known = new LinkedHashSet<>();
        for (String type : types == null ? List.<String>of() : types) {
            known.add(AuditType.fromWireName(type).map(AuditType::wireName)
                    .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, "Unknown audit event type: " + type)));
        }
        return known;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
