package dev.tessera.user.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A generated directory shaped like OpenLDAP at scale, the fixture of issue 25: {@code users} people
 * ({@code uid=userN}, inetOrgPerson, a fixed entryUUID, the password of {@link LdapTestServer#PASSWORD}) and
 * {@code groups} groupOfNames nested three levels: every 20th group is a top group, every 4th of the rest a middle
 * group in one top group, every other a leaf group in one middle group; each person is a direct member of
 * {@code groupsPerUser} leaf groups (chosen by a seeded random, so runs are comparable). With {@code memberOf}, each
 * person's entry also lists its direct groups, as OpenLDAP's memberOf overlay would. Used by the LDAP tests with a
 * few thousand people and by the benchmark ({@code dev.tessera.bench.LdapDirectoryBench}) with 100,000.
 */
public final class LdapFixture {
    public static final String BASE = LdapTestServer.OPENLDAP_BASE;
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String SERVICE = LdapTestServer.OPENLDAP_SERVICE;

    private final int users;
    private final int groups;
    private final int groupsPerUser;
    private final boolean memberOf;
    private final List<List<Integer>> directGroups = new ArrayList<>();

    public LdapFixture(int users, int groups, int groupsPerUser, boolean memberOf) {
        this.users = users;
        this.groups = groups;
        this.groupsPerUser = groupsPerUser;
        this.memberOf = memberOf;
        Random random = new Random(25);
        List<Integer> leaves = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (level(g) == 1) {
                leaves.add(g);
            }
        }
        for (int u = 0; u < users; u++) {
            Set<Integer> mine = new LinkedHashSet<>();
            while (mine.size() < Math.min(groupsPerUser, leaves.size())) {
                mine.add(leaves.get(random.nextInt(leaves.size())));
            }
            directGroups.add(List.copyOf(mine));
        }
    }

    /** 3: top, 2: middle, 1: leaf. */
    int level(int group) {
        return group % 20 == 0 ? 3 : group % 4 == 1 ? 2 : 1;
    }

    /** The group a middle or leaf group is a member of. */
    int parent(int group) {
        int level = level(group);
        List<Integer> candidates = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (level(g) == level + 1) {
                candidates.add(g);
            }
        }
        return candidates.get(group % candidates.size());
    }

    public static String userDn(int user) {
        return "uid=user" + user + "," + PEOPLE;
    }

    public static String groupDn(int group) {
        return "cn=group" + group + "," + GROUPS;
    }

    public static String subject(int user) {
        return new UUID(0x2500000000000000L, user).toString();
    }

    /** The names of every group the person is in, directly or through nesting. */
    public Set<String> groupsOf(int user) {
        Set<String> names = new LinkedHashSet<>();
        for (int g : directGroups.get(user)) {
            for (int at = g; ; at = parent(at)) {
                names.add("group" + at);
                if (level(at) == 3) {
                    break;
                }
            }
        }
        return names;
    }

    public List<Integer> directGroups(int user) {
        return directGroups.get(user);
    }

    /** Adds every entry to {@code server} (whose base is {@link #BASE}), as an LDIF import (so entryUUID is kept). */
    public void load(InMemoryDirectoryServer server) throws LDAPException, IOException {
        ByteArrayOutputStream ldif = new ByteArrayOutputStream();
        try (LDIFWriter writer = new LDIFWriter(ldif)) {
            write(writer);
        }
        server.importFromLDIF(true, new LDIFReader(new ByteArrayInputStream(ldif.toByteArray())));
    }

    /** Writes every entry as LDIF, e.g. for slapadd against a real OpenLDAP (with the memberof overlay for memberOf). */
    public void write(LDIFWriter out) throws IOException {
        out.writeEntry(new Entry(BASE, new Attribute("objectClass", "top", "dcObject", "organization"), new Attribute("dc", "example"),
                new Attribute("o", "Example")));
        out.writeEntry(new Entry(PEOPLE, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "people")));
        out.writeEntry(new Entry(GROUPS, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "groups")));
        out.writeEntry(new Entry(SERVICE, new Attribute("objectClass", "top", "person"), new Attribute("cn", "tessera"),
                new Attribute("sn", "service"), new Attribute("userPassword", LdapTestServer.SERVICE_PASSWORD)));
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int g = 0; g < groups; g++) {
            if (level(g) < 3) {
                members.get(parent(g)).add(groupDn(g));
            }
        }
        for (int u = 0; u < users; u++) {
            Entry person = new Entry(userDn(u), new Attribute("objectClass", "top", "inetOrgPerson"), new Attribute("uid", "user" + u),
                    new Attribute("cn", "Person " + u), new Attribute("sn", "Person"), new Attribute("mail", "user" + u + "@example.org"),
                    new Attribute("entryUUID", subject(u)), new Attribute("userPassword", LdapTestServer.PASSWORD));
            if (memberOf) {
                person.addAttribute("objectClass", "extensibleObject");
                person.addAttribute(new Attribute("memberOf", directGroups.get(u).stream().map(LdapFixture::groupDn).toList()));
            }
            out.writeEntry(person);
            for (int g : directGroups.get(u)) {
                members.get(g).add(userDn(u));
            }
        }
        for (int g = 0; g < groups; g++) {
            Entry group = new Entry(groupDn(g), new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", "group" + g));
            // groupOfNames MUST have a member (RFC 4519 §3.5): an empty group names itself, as directories do
            group.addAttribute(new Attribute("member", members.get(g).isEmpty() ? List.of(groupDn(g)) : members.get(g)));
            out.writeEntry(group);
        }
    }
}
