package dev.tessera.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The one door for security events: writes the event's line on the {@code dev.tessera.audit} logger and fires
 * it as a CDI event for the observers that persist and export it. Reporting never fails the caller's request:
 * an observer's failure is logged, not thrown.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger("dev.tessera.audit");

    @Inject
    Event<AuditEvent> events;

    public void record(AuditEvent event) {
        LOG.info(() -> line(event));
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.warning(() -> "audit observer failed for " + event.type().wireName() + ": " + e);
        }
    }

    static String line(AuditEvent e) {
        StringBuilder b = new StringBuilder(e.type().wireName()).append(" by ").append(e.actor());
        if (e.subject() != null) {
            b.append(" subject=").append(e.subject());
        }
        if (e.clientId() != null) {
            b.append(" client=").append(e.clientId());
        }
        if (e.address() != null) {
            b.append(" from=").append(e.address());
        }
        e.detail().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
