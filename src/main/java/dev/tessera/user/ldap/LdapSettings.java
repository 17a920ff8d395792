package dev.tessera.user.ldap;

import dev.tessera.config.ConfigKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory Tessera signs people in against, with the flavor's defaults already applied.
 *
 * @param urls             ldap:// or ldaps:// URLs, tried in this order (failover)
 * @param bindDn           the service account that searches; empty for an anonymous search
 * @param userFilter       finds the entry of a login name; {@code {0}} is the escaped name (RFC 4515 §3)
 * @param subjectAttribute the never-reassigned attribute that becomes {@code sub}
 * @param claims           claim name to attribute name
 * @param groupFilter      finds a member's groups; {@code {0}} is the member's escaped DN
 * @param nestedGroups     also report the groups of groups (on AD by the in-chain rule, elsewhere by expansion)
 * @param trustStore       trust store file for LDAPS and StartTLS; empty for the JVM's default trust
 * @param cacheTtl         how long attributes read at login serve userinfo and the token endpoint
 * @param recheckOnRefresh a refresh token grant reads the account from the directory, not the cache
 */
public record LdapSettings(List<String> urls, LdapFlavor flavor, String bindDn, String bindPassword, String userBaseDn,
        String userFilter, String subjectAttribute, Map<String, String> claims, String groupBaseDn, String groupFilter,
        String groupNameAttribute, boolean nestedGroups, int groupMaxDepth, int groupMaxCount, boolean startTls,
        Optional<String> trustStore, String trustStorePassword, Duration connectTimeout, Duration responseTimeout,
        int poolSize, Duration cacheTtl, boolean recheckOnRefresh) {
    public LdapSettings {
        urls = List.copyOf(urls);
        claims = Map.copyOf(claims);
    }

    /** Whether the subject attribute is AD's binary objectGUID, shown as a UUID. */
    public boolean binarySubject() {
        return LdapAttributes.OBJECT_GUID.equalsIgnoreCase(subjectAttribute);
    }

    /** Stops the first use of a store that cannot work, naming the key to fix. */
    public void requireUsable() {
        if (urls.isEmpty()) {
            throw new IllegalStateException(ConfigKeys.LDAP_URLS + " must name at least one ldap:// or ldaps:// URL");
        }
        if (userBaseDn.isEmpty()) {
            throw new IllegalStateException(ConfigKeys.LDAP_USER_BASE_DN + " must be set, e.g. DC=example,DC=com");
        }
        if (!userFilter.contains("{0}") || !groupFilter.contains("{0}")) {
            throw new IllegalStateException(ConfigKeys.LDAP_USER_FILTER + " and " + ConfigKeys.LDAP_GROUP_FILTER
                    + " must contain {0}");
        }
        if (poolSize < 1 || groupMaxDepth < 1 || groupMaxCount < 1) {
            throw new IllegalStateException(ConfigKeys.LDAP_POOL_SIZE + ", " + ConfigKeys.LDAP_GROUP_MAX_DEPTH + " and "
                    + ConfigKeys.LDAP_GROUP_MAX_COUNT + " must be at least 1");
        }
    }
}
