package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Connections to the directory. Searches share one pool bound as the service account; each URL is one
 * server of a {@link FailoverServerSet}, so a new connection goes to the first server that answers.
 * Pooled connections are recycled after {@link #MAX_CONNECTION_AGE_MILLIS}, which brings them back to the
 * first server once it has recovered. A person's bind gets a connection of its own ({@link #connect()}),
 * closed afterwards, so no pooled connection ever carries a person's identity. LDAPS URLs and StartTLS
 * verify the server's certificate against the configured trust store and its host name (RFC 4513 §3.1.3).
 */
@ApplicationScoped
public class LdapConnections {
    static final long MAX_CONNECTION_AGE_MILLIS = 10 * 60 * 1000L;
    private static final Logger LOG = Logger.getLogger(LdapConnections.class.getName());

    @Inject
    LdapSettings settings;

    private List<ServerSet> servers;
    private ServerSet failover;
    private volatile LDAPConnectionPool pool;
    private LDAPConnection paging;
    private int pagingGeneration;

    public LdapConnections() {
    }

    /** For tests: the same connections without CDI. */
    public LdapConnections(LdapSettings settings) {
        this.settings = settings;
    }

    /** The shared search pool, created at first use so a deployment without LDAP never connects. */
    public LDAPConnectionPool pool() {
        LDAPConnectionPool current = pool;
        if (current == null) {
            current = create();
        }
        return current;
    }

    /**
     * A new, not yet bound connection for a person's bind; the caller closes it. It goes to the server the
     * pool is connected to (the one that just answered the search), so the bind neither waits out a dead first
     * server's connect timeout again nor meets a replica that has not yet seen a new account.
     */
    public LDAPConnection connect() throws LDAPException {
        LDAPConnectionPool current = pool();
        LDAPConnection pooled = current.getConnection();
        int index;
        try {
            index = serverIndex(pooled.getConnectedAddress(), pooled.getConnectedPort());
        } finally {
            current.releaseConnection(pooled);
        }
        return index >= 0 ? servers.get(index).getConnection() : failover.getConnection();
    }

    private int serverIndex(String host, int port) {
        for (int i = 0; i < servers.size(); i++) {
            SingleServerSet server = (SingleServerSet) servers.get(i);
            if (server.getAddress().equalsIgnoreCase(host) && server.getPort() == port) {
                return i;
            }
        }
        return -1;
    }

    /** The URLs in failover order, each with its own server set, for the readiness probe. */
    public List<String> urls() {
        return settings.urls();
    }

    /** A new connection to one configured server, for the readiness probe. */
    public LDAPConnection connect(int index) throws LDAPException {
        pool();
        return servers.get(index).getConnection();
    }

    /**
     * The one service connection that serves paged listings. Directories such as OpenLDAP tie a paged-results
     * cookie to the connection that issued it (RFC 2696 §3), so the pages of a listing must not wander across
     * the pool. Callers hold this object's lock while they use it.
     */
    public synchronized LDAPConnection pagingConnection() throws LDAPException {
        pool();
        if (paging == null || !paging.isConnected()) {
            pagingGeneration++;
            paging = failover.getConnection();
            if (!settings.bindDn().isEmpty()) {
                paging.bind(settings.bindDn(), settings.bindPassword());
            }
        }
        return paging;
    }

    /** How long one operation may take to answer ({@code tessera.ldap.response-timeout}). */
    public Duration responseTimeout() {
        return settings.responseTimeout();
    }

    /** Counts the paging connections opened so far: a cookie of an earlier one means nothing to the current one. */
    public synchronized int pagingGeneration() {
        return pagingGeneration;
    }

    /** Drops the paging connection after an error that left it unusable; the next page opens a new one. */
    public synchronized void resetPaging() {
        if (paging != null) {
            paging.close();
            paging = null;
        }
    }

    private synchronized LDAPConnectionPool create() {
        if (pool != null) {
            return pool;
        }
        settings.requireUsable();
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLSocketFactory tls = tls();
        List<ServerSet> sets = new ArrayList<>();
        for (String url : settings.urls()) {
            sets.add(server(url, options, tls));
        }
        servers = List.copyOf(sets);
        failover = new FailoverServerSet(sets);
        BindRequest service = settings.bindDn().isEmpty() ? null : new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        try {
            // throwOnConnectFailure=false: a directory that is down at start-up leaves an empty pool, not a failed deployment.
            LDAPConnectionPool created = new LDAPConnectionPool(failover, service, 1, settings.poolSize(), null, false);
            created.setMaxConnectionAgeMillis(MAX_CONNECTION_AGE_MILLIS);
            created.setRetryFailedOperationsDueToInvalidConnections(true);
            created.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
            created.setConnectionPoolName("tessera-ldap");
            pool = created;
            return created;
        } catch (LDAPException e) {
            throw new LdapUnavailableException("LDAP connection pool could not be created: " + e.getMessage(), e);
        }
    }

    private ServerSet server(String url, LDAPConnectionOptions options, SSLSocketFactory tls) {
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url);
        } catch (LDAPException e) {
            throw new IllegalStateException("tessera.ldap.urls: not an LDAP URL: " + url, e);
        }
        boolean ldaps = "ldaps".equalsIgnoreCase(parsed.getScheme());
        if (!ldaps && !settings.startTls() && !loopback(parsed.getHost())) {
            // RFC 4513 §5.1.3: simple binds "SHOULD NOT" be sent without confidentiality protection.
            LOG.warning("\n*** TESSERA SECURITY WARNING ***\n" + url + " is plain LDAP without StartTLS: every password "
                    + "typed at the login page crosses the network in clear. Use ldaps:// or set tessera.ldap.start-tls=true.\n");
        }
        SocketFactory sockets = ldaps ? tls : SocketFactory.getDefault();
        // RFC 4513 §3.1: StartTLS before the bind, so the service password never travels in clear.
        PostConnectProcessor startTls = !ldaps && settings.startTls() ? new StartTLSPostConnectProcessor(tls) : null;
        return new SingleServerSet(parsed.getHost(), parsed.getPort(), sockets, options, null, startTls);
    }

    private static boolean loopback(String host) {
        return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "::1".equals(host) || "[::1]".equals(host);
    }

    private SSLSocketFactory tls() {
        TrustManager trust = settings.trustStore()
                .<TrustManager>map(path -> new TrustStoreTrustManager(path,
                        settings.trustStorePassword().isEmpty() ? null : settings.trustStorePassword().toCharArray(), null, true))
                .orElse(JVMDefaultTrustManager.getInstance());
        try {
            return new SSLUtil(trust).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tessera.ldap.trust-store could not be used: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    public synchronized void close() {
        if (paging != null) {
            paging.close();
            paging = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
