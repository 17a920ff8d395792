package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.MatchedValuesFilter;
import com.unboundid.ldap.sdk.controls.MatchedValuesRequestControl;
import dev.tessera.user.ldap.LdapGroupCache.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group search: the groups that have any of some members, with {@code tessera.ldap.group-filter}. For several
 * members the answer also says whose parent each group is, so it can be cached per group: the search reads the
 * member attribute(s) of the filter, restricted by the matched-values control (RFC 3876) to the asked members so
 * a group of 10,000 members does not send them all. The control is not critical: a directory without it sends
 * every value, which costs bytes, not correctness.
 */
final class LdapParentSearch {
    /** A DN no directory holds, to find where {0} sits in the group filter. */
    static final String PROBE = "cn=tessera-probe-0f3a";

    /**
     * @param byMember  normalized member DN to its parent groups, for each asked member
     * @param unplaced  groups whose member values did not come back, so whose child is unknown: not cacheable
     */
    record Parents(Map<String, List<Group>> byMember, List<Group> unplaced) {
    }

    private final LdapSettings settings;
    private final LdapDirectory directory;
    private final List<String> memberAttributes;

    LdapParentSearch(LdapSettings settings, LdapDirectory directory) {
        this.settings = settings;
        this.directory = directory;
        this.memberAttributes = placeholderAttributes(settings.groupFilter());
    }

    /** The groups {@code memberDn} is a direct member of: one search, names only. */
    List<Group> groupsOf(String memberDn) {
        List<Group> groups = new ArrayList<>();
        for (SearchResultEntry entry : search(List.of(memberDn), new String[] {settings.groupNameAttribute()})) {
            groups.add(new Group(entry.getDN(), name(entry)));
        }
        return groups;
    }

    /** The parents of each of {@code memberDns} (at most {@link LdapGroups#FRONTIER_CHUNK}): one search. */
    Parents parentsOf(List<String> memberDns) {
        Map<String, List<Group>> byMember = new LinkedHashMap<>();
        memberDns.forEach(dn -> byMember.put(normalize(dn), new ArrayList<>()));
        List<Group> unplaced = new ArrayList<>();
        List<String> attributes = new ArrayList<>(memberAttributes);
        attributes.add(settings.groupNameAttribute());
        List<MatchedValuesFilter> matched = new ArrayList<>();
        for (String attribute : memberAttributes) {
            memberDns.forEach(dn -> matched.add(MatchedValuesFilter.createEqualityFilter(attribute, dn)));
        }
        Control[] controls = matched.isEmpty() ? new Control[0] : new Control[] {new MatchedValuesRequestControl(false, matched)};
        for (SearchResultEntry entry : search(memberDns, attributes.toArray(String[]::new), controls)) {
            Group group = new Group(entry.getDN(), name(entry));
            boolean placed = false;
            for (String attribute : memberAttributes) {
                String[] values = entry.getAttributeValues(attribute);
                for (String value : values == null ? new String[0] : values) {
                    List<Group> parents = byMember.get(normalize(value));
                    if (parents != null) {
                        parents.add(group);
                        placed = true;
                    }
                }
            }
            if (!placed) {
                unplaced.add(group);
            }
        }
        return new Parents(byMember, unplaced);
    }

    private List<SearchResultEntry> search(List<String> memberDns, String[] attributes, Control... controls) {
        return directory.search(LdapDirectory.GROUPS, settings.groupBaseDn(), LdapFilters.anyOf(settings.groupFilter(), memberDns),
                settings.groupMaxCount(), attributes, controls).getSearchEntries();
    }

    private String name(SearchResultEntry group) {
        String name = group.getAttributeValue(settings.groupNameAttribute());
        return name != null ? name : firstRdnValue(group.getDN());
    }

    /** The attributes the group filter compares with the member's DN, e.g. member or uniqueMember. */
    static List<String> placeholderAttributes(String template) {
        Set<String> attributes = new LinkedHashSet<>();
        collect(LdapFilters.fill(template, PROBE), attributes);
        return List.copyOf(attributes);
    }

    private static void collect(Filter filter, Set<String> attributes) {
        switch (filter.getFilterType()) {
            case Filter.FILTER_TYPE_AND, Filter.FILTER_TYPE_OR -> {
                for (Filter component : filter.getComponents()) {
                    collect(component, attributes);
                }
            }
            case Filter.FILTER_TYPE_EQUALITY -> {
                if (PROBE.equalsIgnoreCase(filter.getAssertionValue())) {
                    attributes.add(filter.getAttributeName());
                }
            }
            default -> {
                // NOT, presence, substrings, extensible (AD's in-chain rule): nothing that names a member
            }
        }
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
