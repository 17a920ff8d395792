package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.tessera.user.ldap.LdapGroupCache.Group;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A person's groups, by name, for the {@code groups} claim, in as few round trips as the directory allows.
 * <ul>
 * <li>Active Directory, nested: one search with LDAP_MATCHING_RULE_IN_CHAIN, the server walks the nesting.</li>
 * <li>Active Directory, direct only: the memberOf values already read with the user, no operation at all.</li>
 * <li>Other directories: the direct groups from the user's {@code tessera.ldap.member-of-attribute} (OpenLDAP's
 * memberOf overlay, read with the user: no operation) or, when the entry has none, one search with the group
 * filter.</li>
 * <li>Other directories, nested: then the groups those are members of, level by level. Each group's parents are
 * kept in the {@link LdapGroupCache}, so only groups not seen lately cost a search (one per level for up to
 * {@link #FRONTIER_CHUNK} groups); after warm-up a sign-in needs at most the one direct-group search. Cycle-safe
 * (a group seen once is never expanded again, compared by normalized DN, RFC 4514) and bounded by
 * {@code group-max-depth} levels and {@code group-max-count} groups; a group with several parents is reported
 * once.</li>
 * </ul>
 * With memberOf a direct group's name is the value of its DN's first RDN, as with Active Directory's memberOf.
 */
@ApplicationScoped
public class LdapGroups {
    private static final Logger LOG = Logger.getLogger(LdapGroups.class.getName());
    /** Parents of at most this many groups are asked for in one search. */
    static final int FRONTIER_CHUNK = 50;

    @Inject
    LdapSettings settings;

    @Inject
    LdapTuning tuning;

    @Inject
    LdapDirectory directory;

    @Inject
    LdapGroupCache cache;

    @Inject
    Clock clock;

    private volatile LdapParentSearch search;

    public LdapGroups() {
    }

    /** For tests: the shipped tuning and a cache of its own. */
    public LdapGroups(LdapSettings settings, LdapDirectory directory) {
        this(settings, LdapTuning.defaults(), directory, new LdapGroupCache(LdapTuning.defaults()), Clock.systemUTC());
    }

    public LdapGroups(LdapSettings settings, LdapTuning tuning, LdapDirectory directory, LdapGroupCache cache, Clock clock) {
        this.settings = settings;
        this.tuning = tuning;
        this.directory = directory;
        this.cache = cache;
        this.clock = clock;
    }

    /** Extra attributes the user search must read for this strategy. */
    public List<String> userAttributes() {
        if (settings.flavor().activeDirectory()) {
            return settings.nestedGroups() ? List.of() : List.of(LdapAttributes.MEMBER_OF);
        }
        return tuning.memberOf() ? List.of(tuning.memberOfAttribute()) : List.of();
    }

    public List<String> of(SearchResultEntry user) {
        if (settings.flavor().activeDirectory()) {
            if (!settings.nestedGroups()) {
                String[] memberOf = user.getAttributeValues(LdapAttributes.MEMBER_OF);
                return memberOf == null ? List.of() : namesFromDns(List.of(memberOf));
            }
            // Active Directory's in-chain rule answers the nested closure in this one search.
            return search().groupsOf(user.getDN()).stream().map(Group::name).toList();
        }
        List<Group> direct = direct(user);
        if (!settings.nestedGroups()) {
            return direct.stream().map(Group::name).distinct().toList();
        }
        return List.copyOf(expand(user.getDN(), direct).values());
    }

    private List<Group> direct(SearchResultEntry user) {
        String[] memberOf = tuning.memberOf() ? user.getAttributeValues(tuning.memberOfAttribute()) : null;
        if (memberOf != null && memberOf.length > 0) {
            return Arrays.stream(memberOf).map(dn -> new Group(dn, LdapParentSearch.firstRdnValue(dn))).toList();
        }
        return search().groupsOf(user.getDN());
    }

    /** Breadth-first over "is member of", parents from the cache or one search per level, each group once. */
    private Map<String, String> expand(String userDn, List<Group> direct) {
        Instant now = clock.instant();
        Map<String, String> found = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(LdapParentSearch.normalize(userDn));
        List<Group> frontier = new ArrayList<>();
        if (add(direct, seen, found, frontier, userDn)) {
            return found;
        }
        for (int depth = 1; depth < settings.groupMaxDepth() && !frontier.isEmpty(); depth++) {
            List<Group> next = new ArrayList<>();
            if (add(parents(frontier, now), seen, found, next, userDn)) {
                return found;
            }
            frontier = next;
        }
        if (!frontier.isEmpty()) {
            LOG.warning("Group expansion stopped at tessera.ldap.group-max-depth=" + settings.groupMaxDepth() + " for " + userDn);
        }
        return found;
    }

    /** The parents of every frontier group: cached ones as they are, the others read and cached. */
    private List<Group> parents(List<Group> frontier, Instant now) {
        List<Group> parents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Group group : frontier) {
            cache.parents(LdapParentSearch.normalize(group.dn()), now).ifPresentOrElse(parents::addAll, () -> missing.add(group.dn()));
        }
        for (int i = 0; i < missing.size(); i += FRONTIER_CHUNK) {
            LdapParentSearch.Parents read = search().parentsOf(missing.subList(i, Math.min(missing.size(), i + FRONTIER_CHUNK)));
            read.byMember().forEach((dn, groups) -> {
                if (read.unplaced().isEmpty()) {
                    cache.put(dn, groups, now);
                }
                parents.addAll(groups);
            });
            parents.addAll(read.unplaced());
        }
        return parents;
    }

    /** Adds the groups not seen yet; true when group-max-count is reached. */
    private boolean add(List<Group> groups, Set<String> seen, Map<String, String> found, List<Group> next, String userDn) {
        for (Group group : groups) {
            if (seen.add(LdapParentSearch.normalize(group.dn()))) {
                found.put(group.dn(), group.name());
                next.add(group);
                if (found.size() >= settings.groupMaxCount()) {
                    LOG.warning("Group expansion stopped at tessera.ldap.group-max-count=" + settings.groupMaxCount() + " groups for " + userDn);
                    return true;
                }
            }
        }
        return false;
    }

    private LdapParentSearch search() {
        LdapParentSearch current = search;
        if (current == null) {
            current = new LdapParentSearch(settings, directory);
            search = current;
        }
        return current;
    }

    static List<String> namesFromDns(List<String> dns) {
        return dns.stream().map(LdapParentSearch::firstRdnValue).distinct().toList();
    }

    static String firstRdnValue(String dn) {
        return LdapParentSearch.firstRdnValue(dn);
    }

    static String normalize(String dn) {
        return LdapParentSearch.normalize(dn);
    }
}
