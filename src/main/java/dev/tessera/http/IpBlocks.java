package dev.tessera.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list of address blocks in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single address),
 * for {@code tessera.http.trusted-proxies}. Only IP literals are accepted: a host name would need a DNS
 * lookup, and a name an attacker can influence must never decide whom Tessera trusts.
 */
public final class IpBlocks {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = rest == 0 ? 0 : 0xFF << (8 - rest) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> blocks;

    private IpBlocks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static IpBlocks none() {
        return new IpBlocks(List.of());
    }

    /** @throws IllegalArgumentException naming the entry that is not an IP address or CIDR block */
    public static IpBlocks parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String value = entry.strip();
            int slash = value.indexOf('/');
            byte[] network = literal(slash < 0 ? value : value.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + entry));
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("not a valid prefix length: " + entry);
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new IpBlocks(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean contains(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && blocks.stream().anyMatch(b -> b.contains(bytes.get()));
    }

    /**
     * The bytes of an IPv4 or IPv6 literal (brackets and an IPv6 zone allowed); empty for anything else,
     * without ever resolving a name. An IPv4-mapped IPv6 address comes back as its IPv4 bytes.
     */
    static Optional<byte[]> literal(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        int zone = v.indexOf('%');
        if (zone >= 0) {
            v = v.substring(0, zone);
        }
        if (!IPV4.matcher(v).matches() && !IPV6.matcher(v).matches()) {
            return Optional.empty();
        }
        try {
            // A literal (digits and dots, or containing a colon) is parsed, never looked up (InetAddress#getByName).
            return Optional.of(InetAddress.getByName(v).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
