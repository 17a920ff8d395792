package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import dev.tessera.user.DirectoryPasswords.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.IntFunction;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Each LDAP operation Tessera performs, one method per operation so the fault-tolerance interceptor sees each:
 * the {@link CircuitBreaker} stops sending logins to a directory that keeps failing (they answer "unavailable"
 * at once instead of each waiting out the timeouts). A wrong password is an answer, never an exception, so it
 * never opens the circuit. Tune it with the MicroProfile Fault Tolerance keys, e.g.
 * {@code dev.tessera.user.ldap.LdapDirectory/CircuitBreaker/delay}.
 *
 * <p>No Fault Tolerance {@code @Timeout}: the connections' own connect and response timeouts
 * ({@code tessera.ldap.connect-timeout}, {@code tessera.ldap.response-timeout}) already bound every operation, a
 * server that accepts and then stalls included, and Payara's {@code @Timeout} schedules a watcher on the managed
 * scheduled executor with the calling request's context: called from a Faces page (the console's user search),
 * the watcher ran after the request had ended and tore down that request's invocation ("No invocation on
 * invocation stack", a closed EntityManager) in the server log.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 20, delayUnit = ChronoUnit.SECONDS, successThreshold = 2,
        failOn = LdapUnavailableException.class, skipOn = IllegalArgumentException.class)
public class LdapDirectory {
    static final String SEARCH = "search";
    static final String BIND = "bind";
    static final String GROUPS = "groups";
    static final String LIST = "list";
    static final String PASSWORD = "password";

    @Inject
    LdapConnections connections;

    @Inject
    LdapMetrics metrics;

    @Inject
    LdapTuning tuning;

    public LdapDirectory() {
    }

    /** For tests: the same operations without CDI (no timeouts, breaker or metrics). */
    public LdapDirectory(LdapConnections connections) {
        this.connections = connections;
        this.metrics = new LdapMetrics();
        this.tuning = LdapTuning.defaults();
    }

    /** One search on a pooled service connection; {@code operation} names it in the metrics. */
    public SearchResult search(String operation, String baseDn, Filter filter, int sizeLimit, String[] attributes,
            Control... controls) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, DereferencePolicy.NEVER, sizeLimit, 0, false,
                    filter, attributes);
            request.setControls(controls);
            SearchResult result = connections.pool().search(request);
            failed = false;
            return result;
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                failed = false;
                return e.getSearchResult(); // what fitted; the caller judges (two users for one name, too many groups)
            }
            throw new LdapUnavailableException("LDAP " + operation + " failed: " + e.getExceptionMessage(), e);
        } finally {
            metrics.record(operation, start, failed);
        }
    }

    /**
     * One page of a listing, on the dedicated paging connection (see {@link LdapConnections#pagingConnection()}),
     * with {@code tessera.ldap.search-time-limit} sent along so an unindexed search ends with an answer instead of
     * hanging. {@code resume} gets the paging connection's generation and returns the directory's cookie (empty
     * for the first page) or throws {@link LdapListingRefused}. Only the directory's own failures (connection lost,
     * timeout, busy, unavailable) are {@link LdapUnavailableException}s that the circuit breaker counts; a refused
     * cookie or search is the request's fault, a {@link LdapListingRefused}.
     */
    public Listed page(String baseDn, Filter filter, String[] attributes, int pageSize, IntFunction<ASN1OctetString> resume) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            synchronized (connections) {
                // Checked before any connection is touched: a forged cookie never costs the directory anything.
                int before = connections.pagingGeneration();
                ASN1OctetString cookie = resume.apply(before);
                LDAPConnection connection = connections.pagingConnection();
                int generation = connections.pagingGeneration();
                if (cookie.getValueLength() > 0 && generation != before) {
                    throw new LdapListingRefused("cookie expired: the directory connection that served the listing was replaced "
                            + "since; start the listing again without a cookie");
                }
                int seconds = (int) Math.max(1, tuning.searchTimeLimit().toSeconds());
                SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, DereferencePolicy.NEVER, 0, seconds, false, filter, attributes);
                request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
                request.setResponseTimeoutMillis(tuning.searchTimeLimit().plus(connections.responseTimeout()).toMillis());
                try {
                    SearchResult result = connection.search(request);
                    failed = false;
                    return new Listed(result, generation);
                } catch (LDAPSearchException e) {
                    if (!e.getResultCode().isConnectionUsable()) {
                        connections.resetPaging();
                    }
                    if (LdapRefusals.outage(e.getResultCode())) {
                        throw new LdapUnavailableException("LDAP listing failed: " + e.getExceptionMessage(), e);
                    }
                    throw LdapRefusals.refused(e, cookie.getValueLength() > 0);
                }
            }
        } catch (LdapListingRefused e) {
            failed = false;
            throw e;
        } catch (LDAPException e) {
            throw new LdapUnavailableException("LDAP listing failed: " + e.getExceptionMessage(), e);
        } finally {
            metrics.record(LIST, start, failed);
        }
    }

    /** A page as the directory answered it, and the generation of the paging connection that served it. */
    public record Listed(SearchResult result, int generation) {
    }

    /**
     * Binds as a person on a connection of its own (RFC 4513 §5.1.3, simple authentication), closed at once.
     *
     * @return empty when the password is right; otherwise the refused bind, whose diagnostic message may say
     *         why (Active Directory's data codes)
     * @throws LdapUnavailableException when no server could be asked
     */
    public Optional<LDAPException> bind(String dn, String password) {
        // RFC 4513 §5.1.2: a simple bind with a DN and an empty password is an "unauthenticated" bind that many
        // servers answer with success. Clients "SHOULD disallow an empty password input": refused here as well.
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("empty password: no unauthenticated bind (RFC 4513 §5.1.2)");
        }
        long start = System.nanoTime();
        boolean failed = true;
        try (LDAPConnection connection = connections.connect()) {
            connection.bind(new SimpleBindRequest(dn, password));
            failed = false;
            return Optional.empty();
        } catch (LDAPException e) {
            ResultCode code = e.getResultCode();
            if (code.isConnectionUsable() && code != ResultCode.TIMEOUT && code != ResultCode.BUSY && code != ResultCode.UNAVAILABLE) {
                failed = false;
                return Optional.of(e);
            }
            throw new LdapUnavailableException("LDAP bind could not be performed: " + e.getExceptionMessage(), e);
        } finally {
            metrics.record(BIND, start, failed);
        }
    }

    /**
     * Changes a person's password bound as that person, on a connection of its own: Active Directory's
     * {@code unicodePwd} delete-and-add ({@link LdapPasswords#unicodePwdChange}), which AD accepts only on an encrypted
     * connection (refused here before anything is sent when the connection is not), or the Password Modify extended
     * operation (RFC 3062) elsewhere. The directory's refusals (policy, history, minimum age, access) are answers;
     * only a directory that cannot be asked is an {@link LdapUnavailableException}.
     */
    public Outcome changePassword(String dn, String current, String next, boolean activeDirectory) {
        if (current == null || current.isEmpty() || next == null || next.isEmpty()) {
            throw new IllegalArgumentException("empty password: no unauthenticated bind (RFC 4513 §5.1.2)");
        }
        long start = System.nanoTime();
        boolean failed = true;
        try (LDAPConnection connection = connections.connect()) {
            if (activeDirectory && connection.getSSLSession() == null) {
                failed = false;
                return Outcome.NOT_ENCRYPTED;
            }
            connection.bind(new SimpleBindRequest(dn, current));
            LDAPResult result = activeDirectory ? connection.modify(LdapPasswords.unicodePwdChange(dn, current, next))
                    : connection.processExtendedOperation(new PasswordModifyExtendedRequest(null, current, next));
            failed = false;
            return LdapPasswords.outcome(result, dn);
        } catch (LDAPException e) {
            if (LdapPasswords.answered(e.getResultCode())) {
                failed = false;
                return LdapPasswords.outcome(e.toLDAPResult(), dn);
            }
            throw new LdapUnavailableException("LDAP password change could not be performed: " + e.getExceptionMessage(), e);
        } finally {
            metrics.record(PASSWORD, start, failed);
        }
    }
}
