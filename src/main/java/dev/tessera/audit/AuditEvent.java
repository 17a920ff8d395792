package dev.tessera.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One security event. Never carries a secret, token, code or password: {@code detail} holds names, reasons,
 * counts and masked before/after values only.
 *
 * @param at       when it happened
 * @param type     what happened
 * @param actor    who did it: a subject, an administrator's name, a client id, or {@code "system"}
 * @param subject  whose account it concerns, or null
 * @param clientId the client it happened through, or null
 * @param address  the client address of the request, or null for background work
 * @param detail   further facts, small and flat; never null
 */
public record AuditEvent(Instant at, AuditType type, String actor, String subject, String clientId, String address,
        Map<String, String> detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    /** An event happening now. */
    public static AuditEvent now(AuditType type, String actor, String subject, String clientId, String address,
            Map<String, String> detail) {
        return new AuditEvent(Instant.now(), type, actor, subject, clientId, address, detail);
    }
}
