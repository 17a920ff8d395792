package dev.tessera.user.ldap;

/**
 * A listing request that cannot be answered as asked: a paging cookie Tessera did not issue, issued by another
 * node or for an expired search, a search text too short, a search the directory refuses as too costly. The
 * administrator's mistake or the directory's policy, never an outage: an {@link IllegalArgumentException}, so the
 * admin API answers 400 and the circuit breaker of {@link LdapDirectory} does not count it.
 */
public class LdapListingRefused extends IllegalArgumentException {
    public LdapListingRefused(String message) {
        super(message);
    }

    public LdapListingRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
