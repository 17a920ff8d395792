package dev.tessera.audit;

import dev.tessera.config.AuditSettings;
import dev.tessera.oauth.GrantTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code token.issued} events. A machine client may fetch thousands of client_credentials tokens a
 * minute, each one a row that tells nothing new; so by default ({@code tessera.audit.client-credentials-tokens
 * = per-minute}) those are counted per client and minute and recorded once the minute is over, as
 * {@code token.issued.per_minute}. Every other grant (a person's tokens) is recorded token by token.
 */
@ApplicationScoped
public class IssuedTokens {
    static final String GRANT_TYPE = "grant_type";
    static final String COUNT = "count";
    static final String MINUTE = "minute";

    @Inject
    AuditLog audit;

    @Inject
    AuditSettings settings;

    @Inject
    Clock clock;

    /** Counts per client and minute; merge and remove are atomic, so a count is never lost to a flush. */
    private final Map<Minute, Long> counts = new ConcurrentHashMap<>();

    /** One token response was issued to {@code clientId} for a {@code grantType} request. */
    public void issued(String grantType, String clientId, String subject, String address, Map<String, String> detail) {
        if (!settings.clientCredentialsEach() && GrantTypes.CLIENT_CREDENTIALS.equals(grantType)) {
            Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            counts.merge(new Minute(clientId, minute), 1L, Long::sum);
            return;
        }
        Map<String, String> facts = new HashMap<>(detail);
        facts.put(GRANT_TYPE, grantType);
        audit.record(AuditEvent.now(AuditType.TOKEN_ISSUED, clientId, subject, clientId, address, facts));
    }

    /** Records the count of every minute that is over. */
    public void flushCompletedMinutes() {
        flushMinutesBefore(clock.instant().truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * Records every count, the current minute's too, at the time of this call: the node is stopping (audit/AuditTrail,
     * persistence/ApplicationStopping), and a count kept for a minute that will not end here would be lost.
     */
    public void flushAll() {
        flushMinutesBefore(Instant.MAX);
    }

    private void flushMinutesBefore(Instant current) {
        Instant now = clock.instant();
        for (Minute minute : counts.keySet()) {
            if (minute.start().isBefore(current)) {
                Long count = counts.remove(minute);
                if (count == null) {
                    continue;
                }
                Instant end = minute.start().plus(1, ChronoUnit.MINUTES);
                audit.record(new AuditEvent(end.isAfter(now) ? now : end, AuditType.TOKENS_ISSUED_PER_MINUTE,
                        minute.clientId(), null, minute.clientId(), null, Map.of(GRANT_TYPE, GrantTypes.CLIENT_CREDENTIALS,
                                COUNT, Long.toString(count), MINUTE, minute.start().toString())));
            }
        }
    }

    private record Minute(String clientId, Instant start) {
    }
}
