package dev.tessera.user.ldap;

import java.time.Duration;

/**
 * What keeps a large directory cheap to ask: the caches in front of it and the limits of the administrators'
 * listing (docs/ldap.md, "At 100,000 users").
 *
 * @param memberOfAttribute the user attribute that lists a person's direct groups (OpenLDAP's memberOf overlay,
 *                          389 DS, AD); read with the user, it saves the direct-group search. {@code none}: never
 * @param groupCacheTtl     how long a group's parent groups are kept ({@code PT0S}: not at all)
 * @param negativeCacheTtl  how long "no such login name in the directory" is kept ({@code PT0S}: not at all)
 * @param searchMinLength   shortest non-empty search text of the listing
 * @param searchTimeLimit   the time limit the listing's search carries to the directory (RFC 4511 §4.5.1.5)
 * @param cookieTtl         how long a listing's paging cookie is accepted
 */
public record LdapTuning(String memberOfAttribute, Duration groupCacheTtl, Duration negativeCacheTtl, int searchMinLength,
        Duration searchTimeLimit, Duration cookieTtl) {
    /** The value of {@code tessera.ldap.member-of-attribute} that turns memberOf off. */
    public static final String NONE = "none";

    /** The shipped defaults (microprofile-config.properties). */
    public static LdapTuning defaults() {
        return new LdapTuning(LdapAttributes.MEMBER_OF, Duration.ofMinutes(10), Duration.ofSeconds(30), 2, Duration.ofSeconds(3),
                Duration.ofMinutes(10));
    }

    /** Whether memberOf is read at all. */
    public boolean memberOf() {
        return !memberOfAttribute.isEmpty() && !NONE.equalsIgnoreCase(memberOfAttribute);
    }
}
