package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A person's groups, by name, for the {@code groups} claim.
 * <ul>
 * <li>Active Directory, nested: one search with LDAP_MATCHING_RULE_IN_CHAIN, the server walks the nesting.</li>
 * <li>Active Directory, direct only: the memberOf values already read with the user, no operation at all.</li>
 * <li>Other directories, direct only: one search with the group filter.</li>
 * <li>Other directories, nested: the groups of the person, then the groups those are members of, one search
 * per level. Cycle-safe (a group seen once is never searched again, compared by normalized DN, RFC 4514) and
 * bounded by {@code group-max-depth} levels and {@code group-max-count} groups; a group with several parents
 * is reported once.</li>
 * </ul>
 */
@ApplicationScoped
public class LdapGroups {
    private static final Logger LOG = Logger.getLogger(LdapGroups.class.getName());
    /** Parents of at most this many groups are asked for in one search. */
    static final int FRONTIER_CHUNK = 50;

    @Inject
    LdapSettings settings;

    @Inject
    LdapDirectory directory;

    public LdapGroups() {
    }

    public LdapGroups(LdapSettings settings, LdapDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /** Extra attributes the user search must read for this strategy. */
    public List<String> userAttributes() {
        return settings.flavor().activeDirectory() && !settings.nestedGroups() ? List.of(LdapAttributes.MEMBER_OF) : List.of();
    }

    public List<String> of(SearchResultEntry user) {
        if (settings.flavor().activeDirectory() && !settings.nestedGroups()) {
            String[] memberOf = user.getAttributeValues(LdapAttributes.MEMBER_OF);
            return memberOf == null ? List.of() : namesFromDns(List.of(memberOf));
        }
        if (!settings.nestedGroups() || settings.flavor().activeDirectory()) {
            // Active Directory's in-chain rule answers the nested closure in this one search.
            return names(search(List.of(user.getDN())).values());
        }
        return List.copyOf(expand(user.getDN()).values());
    }

    /** Breadth-first over "is member of", one search per level, each group once. */
    private Map<String, String> expand(String userDn) {
        Map<String, String> found = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(normalize(userDn));
        List<String> frontier = List.of(userDn);
        for (int depth = 0; depth < settings.groupMaxDepth() && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (int i = 0; i < frontier.size(); i += FRONTIER_CHUNK) {
                Map<String, SearchResultEntry> parents = search(frontier.subList(i, Math.min(frontier.size(), i + FRONTIER_CHUNK)));
                for (SearchResultEntry group : parents.values()) {
                    if (seen.add(normalize(group.getDN()))) {
                        found.put(group.getDN(), name(group));
                        next.add(group.getDN());
                        if (found.size() >= settings.groupMaxCount()) {
                            LOG.warning("Group expansion stopped at tessera.ldap.group-max-count=" + settings.groupMaxCount()
                                    + " groups for " + userDn);
                            return found;
                        }
                    }
                }
            }
            frontier = next;
        }
        if (!frontier.isEmpty()) {
            LOG.warning("Group expansion stopped at tessera.ldap.group-max-depth=" + settings.groupMaxDepth() + " for " + userDn);
        }
        return found;
    }

    private Map<String, SearchResultEntry> search(List<String> memberDns) {
        Map<String, SearchResultEntry> groups = new LinkedHashMap<>();
        for (SearchResultEntry entry : directory.search(LdapDirectory.GROUPS, settings.groupBaseDn(),
                LdapFilters.anyOf(settings.groupFilter(), memberDns), settings.groupMaxCount(),
                new String[] {settings.groupNameAttribute()}).getSearchEntries()) {
            groups.put(entry.getDN(), entry);
        }
        return groups;
    }

    private List<String> names(Iterable<SearchResultEntry> groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(name(g)));
        return names;
    }

    private String name(SearchResultEntry group) {
        String name = group.getAttributeValue(settings.groupNameAttribute());
        return name != null ? name : firstRdnValue(group.getDN());
    }

    static List<String> namesFromDns(List<String> dns) {
        return dns.stream().map(LdapGroups::firstRdnValue).distinct().toList();
    }

    static String firstRdnValue(String dn) {
        try {
            RDN rdn = new DN(dn).getRDN();
            return rdn == null ? dn : rdn.getAttributeValues()[0];
        } catch (LDAPException e) {
            return dn;
        }
    }

    static String normalize(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn;
        }
    }
}
