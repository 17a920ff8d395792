package dev.tessera.audit;

import dev.tessera.oauth.Secrets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one byte-exact form of a row that its hash covers, so anyone can recompute the chain from the table
 * alone (docs/audit.md): a JSON object with fixed member order, no white space, strings escaped as RFC 8259 §7
 * requires and nothing more, the time as epoch milliseconds, absent values as {@code null}, and the detail
 * object with its members sorted by name. The hash is the lower-case hex SHA-256 of the UTF-8 bytes of the
 * previous row's hash, a line feed, and this form.
 */
public final class AuditCanonical {
    private AuditCanonical() {
    }

    /** The row's content, everything but its own hash and the previous one. */
    public static String content(AuditRecord r) {
        StringBuilder b = new StringBuilder(256).append("{\"seq\":").append(r.seq())
                .append(",\"at\":").append(r.occurredAtMillis())
                .append(",\"type\":");
        quote(b, r.type()).append(",\"actor\":");
        quote(b, r.actor()).append(",\"subject\":");
        quote(b, r.subject()).append(",\"client_id\":");
        quote(b, r.clientId()).append(",\"address\":");
        quote(b, r.address()).append(",\"detail\":").append(r.detail());
        return b.append('}').toString();
    }

    /** SHA-256 over the previous hash, a line feed and {@link #content}. */
    public static String hash(AuditRecord r) {
        return Secrets.sha256Hex(r.prevHash() + "\n" + content(r));
    }

    /** The detail map as a JSON object with its members sorted by name. */
    public static String detail(Map<String, String> detail) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(detail).forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, k).append(':');
            quote(b, v);
        });
        return b.append('}').toString();
    }

    /** RFC 8259 §7: quotation mark, reverse solidus and the control characters escaped; null as {@code null}. */
    static StringBuilder quote(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
