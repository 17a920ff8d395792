package dev.tessera.user.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.SSLUtil;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory UnboundID directory seeded from src/test/resources/ldap/, shaped like Active Directory or
 * like OpenLDAP, on 127.0.0.1. It counts binds, records the filters of searches, and (being no domain
 * controller) can stand in for LDAP_MATCHING_RULE_IN_CHAIN: such a filter is answered as an OR of plain member
 * filters over the member and every group it is nested in, found by walking the groups the way a domain
 * controller does.
 */
public final class LdapTestServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String SERVICE_PASSWORD = "service secret";
    public static final String AD_BASE = "DC=corp,DC=example";
    public static final String AD_SERVICE = "CN=svc-tessera,OU=Service," + AD_BASE;
    public static final String OPENLDAP_BASE = "dc=example,dc=org";
    public static final String OPENLDAP_SERVICE = "cn=tessera," + OPENLDAP_BASE;

    private final InMemoryDirectoryServer server;
    private final Recorder recorder;

    private LdapTestServer(InMemoryDirectoryServer server, Recorder recorder) {
        this.server = server;
        this.recorder = recorder;
    }

    /** The AD-shaped directory on {@code port} (0: any free port). */
    public static LdapTestServer activeDirectory(int port) throws Exception {
        return activeDirectory(port, null);
    }

    /**
     * The AD-shaped directory on {@code port}, offering StartTLS with {@code tls} (null: none) and changing
     * passwords as a domain controller does ({@link AdPasswordChanges}).
     */
    public static LdapTestServer activeDirectory(int port, SSLUtil tls) throws Exception {
        Schema ad;
        try (InputStream in = resource("ldap/ad-schema.ldif")) {
            ad = Schema.getSchema(in);
        }
        return start(AD_BASE, Schema.mergeSchemas(Schema.getDefaultStandardSchema(), ad), "ldap/active-directory.ldif", port, tls);
    }

    public static LdapTestServer openLdap(int port) throws Exception {
        return start(OPENLDAP_BASE, Schema.getDefaultStandardSchema(), "ldap/openldap.ldif", port, null);
    }

    /** The generated directory of {@code fixture} on {@code port} (0: any free port), without schema checking. */
    public static LdapTestServer generated(LdapFixture fixture, int port) throws Exception {
        return generated(fixture, port, false);
    }

    /** The same, with equality indexes on uid, entryUUID, member and memberOf when {@code indexed}, as a real directory has. */
    public static LdapTestServer generated(LdapFixture fixture, int port, boolean indexed) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(LdapFixture.BASE);
        if (indexed) {
            try (InputStream in = resource("ldap/ad-schema.ldif")) {
                config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in))); // memberOf
            }
            config.setEqualityIndexAttributes("uid", "entryUUID", "member", "memberOf");
        } else {
            config.setSchema(null);
        }
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), port, null));
        Recorder recorder = new Recorder();
        config.addInMemoryOperationInterceptor(recorder);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        recorder.server = server;
        fixture.load(server);
        server.startListening();
        return new LdapTestServer(server, recorder);
    }

    private static LdapTestServer start(String base, Schema schema, String ldif, int port, SSLUtil tls) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
        config.setSchema(schema);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), port,
                tls == null ? null : tls.createSSLSocketFactory()));
        Recorder recorder = new Recorder();
        config.addInMemoryOperationInterceptor(recorder);
        config.addInMemoryOperationInterceptor(new AdPasswordChanges());
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        recorder.server = server;
        try (InputStream in = resource(ldif)) {
            server.importFromLDIF(true, new LDIFReader(in));
        }
        server.startListening();
        return new LdapTestServer(server, recorder);
    }

    private static InputStream resource(String name) {
        InputStream in = LdapTestServer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    public int binds() {
        return recorder.binds.get();
    }

    public int searches() {
        return recorder.filters.size();
    }

    /** Filters of the searches so far, as sent. */
    public List<String> filters() {
        return List.copyOf(recorder.filters);
    }

    public void resetCounts() {
        recorder.binds.set(0);
        recorder.filters.clear();
    }

    /** Answer LDAP_MATCHING_RULE_IN_CHAIN filters as a domain controller would (this server lacks the rule). */
    public void emulateInChain(boolean on) {
        recorder.emulateInChain = on;
    }

    public static LdapSettings adSettings(String... urls) {
        return settings(LdapFlavor.ACTIVE_DIRECTORY, AD_SERVICE, AD_BASE, true, urls);
    }

    public static LdapSettings openLdapSettings(String... urls) {
        return settings(LdapFlavor.GENERIC, OPENLDAP_SERVICE, OPENLDAP_BASE, true, urls);
    }

    public static LdapSettings settings(LdapFlavor flavor, String bindDn, String base, boolean nested, String... urls) {
        return new LdapSettings(List.of(urls), flavor, bindDn, SERVICE_PASSWORD, base, flavor.userFilter(), flavor.subjectAttribute(),
                flavor.claims(), base, flavor.groupFilter(), LdapAttributes.CN, nested, 8, 500, false, Optional.empty(), "",
                Duration.ofSeconds(2), Duration.ofSeconds(5), 4, Duration.ofMinutes(1), true);
    }

    /** The same settings with some components changed, by component name. */
    public static LdapSettings with(LdapSettings s, Map<String, Object> changes) {
        return new LdapSettings(s.urls(), s.flavor(), s.bindDn(), s.bindPassword(), s.userBaseDn(), s.userFilter(), s.subjectAttribute(),
                s.claims(), s.groupBaseDn(), s.groupFilter(), s.groupNameAttribute(),
                (boolean) changes.getOrDefault("nestedGroups", s.nestedGroups()),
                (int) changes.getOrDefault("groupMaxDepth", s.groupMaxDepth()),
                (int) changes.getOrDefault("groupMaxCount", s.groupMaxCount()), s.startTls(), s.trustStore(), s.trustStorePassword(),
                s.connectTimeout(), s.responseTimeout(), s.poolSize(),
                (Duration) changes.getOrDefault("cacheTtl", s.cacheTtl()),
                (boolean) changes.getOrDefault("recheckOnRefresh", s.recheckOnRefresh()));
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static final class Recorder extends InMemoryOperationInterceptor {
        final AtomicInteger binds = new AtomicInteger();
        final List<String> filters = new CopyOnWriteArrayList<>();
        volatile boolean emulateInChain;
        volatile InMemoryDirectoryServer server;

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
            binds.incrementAndGet();
        }

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
            String filter = request.getRequest().getFilter().toString();
            filters.add(filter);
            Filter sent = request.getRequest().getFilter();
            if (emulateInChain && sent.getFilterType() == Filter.FILTER_TYPE_EXTENSIBLE_MATCH
                    && LdapAttributes.MATCHING_RULE_IN_CHAIN.equals(sent.getMatchingRuleID())) {
                SearchRequest copy = request.getRequest().duplicate();
                copy.setFilter(Filter.createORFilter(chain(request.getRequest().getBaseDN(), sent.getAssertionValue()).stream()
                        .map(dn -> Filter.createEqualityFilter(sent.getAttributeName(), dn)).toList()));
                request.setRequest(copy);
            }
        }

        /** The member and every group it is in, directly or through other groups (cycle-safe). */
        private java.util.Set<String> chain(String base, String memberDn) throws LDAPException {
            java.util.Set<String> seen = new java.util.LinkedHashSet<>(List.of(memberDn));
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(seen);
            while (!todo.isEmpty()) {
                String dn = todo.pop();
                for (var group : server.search(base, com.unboundid.ldap.sdk.SearchScope.SUB,
                        Filter.createEqualityFilter(LdapAttributes.MEMBER, dn)).getSearchEntries()) {
                    if (seen.add(group.getDN())) {
                        todo.add(group.getDN());
                    }
                }
            }
            return seen;
        }
    }
}
