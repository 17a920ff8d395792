package dev.tessera.cluster;

import java.util.Optional;
import java.util.Set;

/**
 * A CDI event saying that cached copies of {@code key} in {@code cache} are stale: the database changed
 * and committed. Fired on the node that made the change and, through the data grid, on every other one.
 * Caches observe it and drop or reload what they hold.
 *
 * @param cache which cache ({@link #CLIENTS}, {@link #KEYS}, {@link #LDAP_GROUPS}, {@link #REVOKED_TOKENS})
 * @param key   what changed in it (a client id; for keys, the algorithm)
 */
public record CacheInvalidated(String cache, String key) {
    /** Clients by client id ({@code ClientDirectory}). */
    public static final String CLIENTS = "client";
    /** Signing keys ({@code KeyRing}); the key names the algorithm, any change reloads the ring. */
    public static final String KEYS = "keys";

    /** Parent groups of directory groups ({@code LdapGroupCache}); the key is {@link #ALL}: every entry goes. */
    public static final String LDAP_GROUPS = "ldap-groups";
    /**
     * Revoked JWT access tokens ({@code RevokedJtis}): not a stale entry but a new one, the key is the jti and its
     * expiry in epoch milliseconds, separated by a space.
     */
    public static final String REVOKED_TOKENS = "revoked-token";
    /** A key meaning "everything in that cache". */
    public static final String ALL = "*";

    private static final Set<String> CACHES = Set.of(CLIENTS, KEYS, LDAP_GROUPS, REVOKED_TOKENS);
    private static final int MAX_KEY = 256;
    private static final char SEPARATOR = '\n';

    /** The form sent between nodes: cache name, a newline, the key. */
    String wire() {
        return cache + SEPARATOR + key;
    }

    /** Reads a message from another node; anything not in the expected shape is ignored. */
    static Optional<CacheInvalidated> fromWire(Object message) {
        if (!(message instanceof String text) || text.length() > MAX_KEY + 16) {
            return Optional.empty();
        }
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0 || !CACHES.contains(text.substring(0, separator))) {
            return Optional.empty();
        }
        return Optional.of(new CacheInvalidated(text.substring(0, separator), text.substring(separator + 1)));
    }
}
