package dev.tessera.audit;

/**
 * A stored row as one JSON object, the shape of the query API's events and of the JSON lines export:
 * the canonical content plus {@code prev_hash} and {@code hash}, so an exported line can be checked against
 * the chain, and {@code at} also as an RFC 3339 time for people.
 */
public final class AuditJson {
    private AuditJson() {
    }

    public static String of(AuditRecord r) {
        String content = AuditCanonical.content(r);
        StringBuilder b = new StringBuilder(content.length() + 200).append(content, 0, content.length() - 1);
        b.append(",\"time\":\"").append(r.occurredAt()).append("\",\"prev_hash\":\"").append(r.prevHash())
                .append("\",\"hash\":\"").append(r.hash()).append("\"}");
        return b.toString();
    }
}
