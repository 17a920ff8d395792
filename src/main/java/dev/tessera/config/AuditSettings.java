package dev.tessera.config;

import java.time.Duration;

/**
 * The audit trail (docs/audit.md).
 *
 * @param flushInterval         how often queued events are written, in one batch per transaction
 * @param batchSize             events per batch (and per transaction) at most
 * @param queueCapacity         events waiting at most; beyond it an event is dropped and counted, never waited for
 * @param retention             how long rows are kept; zero keeps them forever
 * @param exportFile            a file that every stored event is appended to as one JSON line, or null
 * @param syslogHost            a syslog receiver for RFC 5424 messages over UDP (RFC 5426), or null
 * @param syslogPort            its port
 * @param clientCredentialsEach true: one event per client_credentials token; false: one per client and minute
 */
public record AuditSettings(Duration flushInterval, int batchSize, int queueCapacity, Duration retention, String exportFile,
        String syslogHost, int syslogPort, boolean clientCredentialsEach) {

    /** Values of tessera.audit.client-credentials-tokens. */
    public static final String EACH = "each";
    public static final String PER_MINUTE = "per-minute";
}
