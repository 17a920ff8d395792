package dev.tessera.user.ldap;

import static dev.tessera.user.ldap.LdapAttributes.*;

import dev.tessera.user.StandardClaims;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two kinds of directory Tessera knows, each with the defaults an administrator would otherwise have
 * to type: how a login name is found, which attribute is the stable subject, and how groups are read.
 * {@code {0}} in a filter is the (escaped) login name or, in a group filter, the member's DN.
 */
public enum LdapFlavor {
    ACTIVE_DIRECTORY("active-directory",
            "(&(objectClass=user)(|(sAMAccountName={0})(userPrincipalName={0})))",
            OBJECT_GUID,
            "(member:" + MATCHING_RULE_IN_CHAIN + ":={0})",
            claims(SAM_ACCOUNT_NAME, DISPLAY_NAME)),
    GENERIC("generic",
            "(&(objectClass=inetOrgPerson)(uid={0}))",
            ENTRY_UUID,
            "(&(objectClass=groupOfNames)(member={0}))",
            claims(UID, CN));

    private final String configName;
    private final String userFilter;
    private final String subjectAttribute;
    private final String groupFilter;
    private final Map<String, String> claims;

    LdapFlavor(String configName, String userFilter, String subjectAttribute, String groupFilter, Map<String, String> claims) {
        this.configName = configName;
        this.userFilter = userFilter;
        this.subjectAttribute = subjectAttribute;
        this.groupFilter = groupFilter;
        this.claims = claims;
    }

    public String configName() { return configName; }
    public String userFilter() { return userFilter; }
    public String subjectAttribute() { return subjectAttribute; }
    public String groupFilter() { return groupFilter; }
    /** Claim name to attribute name, in claim order. */
    public Map<String, String> claims() { return claims; }

    public boolean activeDirectory() {
        return this == ACTIVE_DIRECTORY;
    }

    public static LdapFlavor of(String name) {
        for (LdapFlavor flavor : values()) {
            if (flavor.configName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return flavor;
            }
        }
        throw new IllegalArgumentException("tessera.ldap.flavor must be active-directory or generic, not " + name);
    }

    private static Map<String, String> claims(String username, String name) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(StandardClaims.PREFERRED_USERNAME, username);
        claims.put(StandardClaims.NAME, name);
        claims.put(StandardClaims.GIVEN_NAME, GIVEN_NAME);
        claims.put(StandardClaims.FAMILY_NAME, SN);
        claims.put(StandardClaims.EMAIL, MAIL);
        claims.put(StandardClaims.PHONE_NUMBER, TELEPHONE_NUMBER);
        return Collections.unmodifiableMap(claims);
    }
}
