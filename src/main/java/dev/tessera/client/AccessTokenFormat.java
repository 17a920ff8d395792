package dev.tessera.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client's access tokens look: an RFC 9068 JWT that resource servers verify on their own, or
 * an opaque reference that they introspect (RFC 7662) and that is revoked the moment it is revoked.
 */
public enum AccessTokenFormat {
    JWT("jwt"),
    OPAQUE("opaque");

    private final String wireName;

    AccessTokenFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AccessTokenFormat> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
