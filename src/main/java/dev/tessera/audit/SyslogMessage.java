package dev.tessera.audit;

import java.time.format.DateTimeFormatter;

/**
 * A stored row as an RFC 5424 syslog message: facility authpriv (10, RFC 5424 §6.2.1 table 1), severity
 * warning for failures, replays and reuse, notice otherwise; APP-NAME {@code tessera}; MSGID the event's
 * wire name; structured data {@code [tessera@32473 seq hash]} (32473 is the documentation enterprise number
 * of RFC 5612; escaped per §6.3.3); the message the row's JSON ({@link AuditJson}) after a UTF-8 BOM, as
 * §6.4 asks for UTF-8 text.
 */
public final class SyslogMessage {
    static final int AUTHPRIV = 10;
    static final int WARNING = 4;
    static final int NOTICE = 5;
    static final String SD_ID = "tessera@32473";

    private SyslogMessage() {
    }

    public static String format(AuditRecord r, String hostname) {
        int severity = isAlarm(r.type()) ? WARNING : NOTICE;
        return "<" + (AUTHPRIV * 8 + severity) + ">1 " + DateTimeFormatter.ISO_INSTANT.format(r.occurredAt()) + " "
                + token(hostname, 255) + " tessera - " + token(r.type(), 32) + " [" + SD_ID + " seq=\"" + r.seq()
                + "\" hash=\"" + r.hash() + "\"] \uFEFF" + AuditJson.of(r);
    }

    static boolean isAlarm(String type) {
        return type.endsWith(".failed") || type.endsWith("_replayed") || type.endsWith("_reused");
    }

    /** §6: header fields are PRINTUSASCII without spaces, at most {@code max} characters, "-" when empty. */
    static String token(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && b.length() < max; i++) {
            char c = value.charAt(i);
            b.append(c > 32 && c < 127 ? c : '_');
        }
        return b.toString();
    }
}
