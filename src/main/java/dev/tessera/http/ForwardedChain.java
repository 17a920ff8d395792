package dev.tessera.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who the client is behind trusted proxies. RFC 7239 §5.2 {@code Forwarded: for=...;proto=...} (or the
 * de-facto {@code X-Forwarded-For} / {@code X-Forwarded-Proto} when no {@code Forwarded} header came) lists
 * the hops, the nearest last. Starting from the direct peer, each hop is believed only while the address
 * that reported it is a trusted proxy (RFC 9700 §4.13: "trust ... only from configured proxies"): the
 * first hop not in the list is the client. Anything a client wrote further left is ignored, so a client
 * cannot choose the address it is throttled by.
 */
public final class ForwardedChain {

    /** The client's address and whether it reached the first trusted proxy over TLS (null when unknown). */
    public record Resolved(String address, Boolean tls, boolean viaTrustedProxy) {
    }

    private record Hop(String address, String proto) {
    }

    private ForwardedChain() {
    }

    /**
     * @param forwarded          every {@code Forwarded} header line, in order
     * @param xForwardedFor      every {@code X-Forwarded-For} header line, in order
     * @param xForwardedProto    every {@code X-Forwarded-Proto} header line, in order
     */
    public static Resolved resolve(String directPeer, IpBlocks trusted, List<String> forwarded, List<String> xForwardedFor,
            List<String> xForwardedProto) {
        if (!trusted.contains(directPeer)) {
            return new Resolved(directPeer, null, false);
        }
        List<Hop> hops = forwarded.isEmpty() ? xForwarded(xForwardedFor, xForwardedProto) : forwarded(forwarded);
        String current = directPeer;
        Boolean tls = null;
        for (int i = hops.size() - 1; i >= 0 && trusted.contains(current); i--) {
            Hop hop = hops.get(i);
            if (hop.proto() != null) {
                // The scheme the client (or the next proxy out) reached this hop with: the outermost one believed wins.
                tls = "https".equals(hop.proto());
            }
            Optional<String> address = address(hop.address());
            if (address.isEmpty()) {
                // "unknown" or an obfuscated identifier (RFC 7239 §6.2, §6.3): the last address known stands.
                break;
            }
            current = address.get();
        }
        return new Resolved(current, tls, true);
    }

    private static List<Hop> forwarded(List<String> lines) {
        List<Hop> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : split(line, ',')) {
                String forAddress = null;
                String proto = null;
                for (String pair : split(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).strip());
                    if (name.equals("for")) {
                        forAddress = value;
                    } else if (name.equals("proto")) {
                        proto = value.toLowerCase(Locale.ROOT);
                    }
                }
                hops.add(new Hop(forAddress, proto));
            }
        }
        return hops;
    }

    private static List<Hop> xForwarded(List<String> forLines, List<String> protoLines) {
        List<String> protos = new ArrayList<>();
        protoLines.forEach(l -> split(l, ',').forEach(p -> protos.add(p.strip().toLowerCase(Locale.ROOT))));
        List<Hop> hops = new ArrayList<>();
        forLines.forEach(l -> split(l, ',').forEach(a -> hops.add(new Hop(a.strip(), null))));
        if (!hops.isEmpty() && !protos.isEmpty()) {
            // X-Forwarded-Proto names the scheme the nearest proxy was reached with.
            Hop last = hops.remove(hops.size() - 1);
            hops.add(new Hop(last.address(), protos.get(protos.size() - 1)));
        }
        return hops;
    }

    /** The address of a node name (RFC 7239 §6): an IPv4 literal with an optional port, or a bracketed IPv6 one. */
    static Optional<String> address(String node) {
        if (node == null || node.isEmpty()) {
            return Optional.empty();
        }
        String value = node;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close < 0 ? "" : value.substring(1, close);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        String candidate = value;
        return IpBlocks.literal(candidate).map(b -> candidate);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** Splits on a separator outside double quotes (a quoted IPv6 node holds no separators, but be strict). */
    private static List<String> split(String line, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
