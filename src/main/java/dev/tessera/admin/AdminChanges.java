package dev.tessera.admin;

import dev.tessera.audit.AuditDiff;
import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.http.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * An administrator's change, recorded after it committed: who (the admin caller's name), from where, to
 * which subject or client, and what changed ({@link AuditDiff}: before and after of each changed member,
 * secrets masked).
 */
@ApplicationScoped
public class AdminChanges {

    @Inject
    AuditLog audit;

    @Inject
    RequestContext request;

    /** A change described by the object before and after (either null for creation or deletion). */
    public void changed(AuditType type, SecurityContext caller, String subject, String clientId, JsonObject before,
            JsonObject after) {
        changed(type, caller.getUserPrincipal().getName(), subject, clientId, before, after);
    }

    public void record(AuditType type, SecurityContext caller, String subject, String clientId, Map<String, String> detail) {
        record(type, caller.getUserPrincipal().getName(), subject, clientId, detail);
    }

    /** The same for an actor named otherwise: an operator of the console ({@link ConsoleOperator#actor()}). */
    public void changed(AuditType type, String actor, String subject, String clientId, JsonObject before, JsonObject after) {
        record(type, actor, subject, clientId, AuditDiff.between(before, after));
    }

    public void record(AuditType type, String actor, String subject, String clientId, Map<String, String> detail) {
        audit.record(AuditEvent.now(type, actor, subject, clientId, request.peerAddress(), detail));
    }
}
