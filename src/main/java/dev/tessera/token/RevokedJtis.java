package dev.tessera.token;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's copy of the revocation list ({@code revoked_token}), so that introspection and /userinfo learn whether a
 * JWT access token was revoked without a database read per call (issue 23). RFC 7662 §2.2: a revoked token is not
 * active, on every node, so the copy is kept current three ways:
 * <ol>
 * <li>a revocation on this node enters it at once, before the revocation request answers;</li>
 * <li>the revoking node announces it over the data grid ({@link CacheInvalidated#REVOKED_TOKENS}), and every other node
 * adds it when the message arrives (milliseconds);</li>
 * <li>every {@link #REFRESH} the whole list of unexpired entries is read again, so a message that never arrived is
 * made good within that bound.</li>
 * </ol>
 * Entries are only ever added (a revocation is never undone) and dropped after the token itself expired, so a reload
 * racing a new revocation cannot lose it. Until the first reload succeeds, after a reload failed, or while the list
 * holds more than {@link #LIMIT} entries, the copy is incomplete and a jti it does not hold is looked up in the
 * database as before: memory stays bounded and no failure widens the staleness bound.
 */
@ApplicationScoped
public class RevokedJtis {
    private static final Logger LOG = Logger.getLogger(RevokedJtis.class.getName());
    /** The longest a revocation written by another node can go unseen here when its announcement is lost. */
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** The most entries kept; beyond it, unknown jtis are read from the database. */
    static final int LIMIT = 100_000;
    /** Kept a little past the token's exp, so that no clock rounding lets an expiring revoked token through. */
    private static final Duration AFTER_EXPIRY = Duration.ofMinutes(1);
    private static final char SEPARATOR = ' ';

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Clock clock;

    @Inject
    RevokedTokenRows rows;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private volatile boolean complete;
    /** Entries turned away because the copy was full; a reload during which one was is not complete. */
    private final AtomicLong refused = new AtomicLong();
    private RepeatingTask task;

    /** Loads the copy at once (one query through the expiry index; until then every check reads the database), then every {@link #REFRESH}. */
    void onSchemaReady(@Observes SchemaMigrated event) {
        reload();
        task = RepeatingTask.every(executor, REFRESH, "Reloading the revoked access tokens", this::reload);
    }

    /** Whether the JWT access token {@code jti} was revoked, from this node's copy when it is complete. */
    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti) || !complete && em.find(RevokedToken.class, jti) != null;
    }

    /** Records a revocation this node has just written, or learned of; beyond {@link #LIMIT} the database answers. */
    public void add(String jti, Instant expiresAt) {
        if (revoked.size() >= LIMIT && !revoked.containsKey(jti)) {
            refused.incrementAndGet();
            complete = false;
            return;
        }
        revoked.merge(jti, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    void onInvalidated(@Observes CacheInvalidated change) {
        if (!CacheInvalidated.REVOKED_TOKENS.equals(change.cache())) {
            return;
        }
        String key = change.key();
        int separator = key.lastIndexOf(SEPARATOR);
        try {
            add(key.substring(0, separator), Instant.ofEpochMilli(Long.parseLong(key.substring(separator + 1))));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Ignored a malformed revocation announcement; the next reload reads it", e);
        }
    }

    /** The announcement's key: the jti and its expiry in epoch milliseconds. */
    static String announcement(String jti, Instant expiresAt) {
        return jti + SEPARATOR + expiresAt.toEpochMilli();
    }

    /** Reads every unexpired revocation (through the expiry index) and forgets the entries of expired tokens. */
    void reload() {
        try {
            Instant now = clock.instant();
            long refusedBefore = refused.get();
            List<Object[]> rows = this.rows.unexpired(now, LIMIT + 1);
            revoked.values().removeIf(expiry -> expiry.plus(AFTER_EXPIRY).isBefore(now));
            rows.forEach(row -> add((String) row[0], (Instant) row[1]));
            // Complete only if nothing was turned away since before the read (a refused entry may be too new for it).
            // Set, then checked: an entry refused after the check clears the flag after this wrote it.
            complete = rows.size() <= LIMIT;
            if (refused.get() != refusedBefore) {
                complete = false;
            }
        } catch (RuntimeException e) {
            complete = false;
            LOG.log(Level.WARNING, "Could not reload the revoked access tokens; reading them from the database meanwhile", e);
        }
    }

    /** Whether a jti this copy lacks is certainly not revoked (tests, diagnostics). */
    boolean complete() {
        return complete;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }
}
