package dev.tessera.session;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;

/** Writes {@code session.ended} (and {@code logout} when the person signed out) once a session's end has committed. */
@ApplicationScoped
public class SessionAudit {

    @Inject
    AuditLog audit;

    void onEnd(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded event) {
        Map<String, String> detail = Map.of("sid", event.sid(), "reason", event.reason().wireName(),
                "clients", String.join(",", event.clients()));
        if (event.reason() == SessionEndReason.LOGOUT) {
            audit.record(AuditEvent.now(AuditType.LOGOUT, event.actor(), event.subject(), null, null, detail));
        }
        audit.record(AuditEvent.now(AuditType.SESSION_ENDED, event.actor(), event.subject(), null, null, detail));
    }
}
