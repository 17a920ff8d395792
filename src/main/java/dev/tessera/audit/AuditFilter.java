package dev.tessera.audit;

import java.time.Instant;
import java.util.Set;

/**
 * What the query API asks of the trail; a null or empty field does not filter.
 *
 * @param from     events at or after this time
 * @param to       events before this time
 * @param actor    exactly this actor
 * @param subject  exactly this subject
 * @param clientId exactly this client
 * @param types    any of these wire names
 * @param before   only rows numbered below this one (the cursor of the next page, newest first)
 * @param limit    rows per page
 */
public record AuditFilter(Instant from, Instant to, String actor, String subject, String clientId, Set<String> types,
        Long before, int limit) {
}
