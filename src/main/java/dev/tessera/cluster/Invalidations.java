package dev.tessera.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells every node's caches that data changed. Writers call {@link #afterCommit} inside their
 * transaction; nothing is announced before the commit, because another node that reloaded earlier would
 * cache the old row again, and nothing at all if the transaction rolls back. Then {@link CacheInvalidated}
 * is fired here, at once, and on the other nodes as soon as the data grid delivers it.
 *
 * <p>The data grid is Payara's Hazelcast instance (JNDI {@code payara/Hazelcast}). Where there is none
 * ({@code --nohazelcast}, another server) the event stays on this node and other nodes rely on expiry.
 */
@ApplicationScoped
public class Invalidations {
    private static final Logger LOG = Logger.getLogger(Invalidations.class.getName());
    static final String HAZELCAST_JNDI = "payara/Hazelcast";

    @Inject
    Event<CacheInvalidated> local;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile ClusterTopic topic;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Object hazelcast = lookupHazelcast();
        try {
            topic = hazelcast == null ? null : HazelcastTopic.over(hazelcast, this::received);
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "The Hazelcast API is not visible to the application", e);
            topic = null;
        }
        if (topic == null) {
            LOG.info("Cache invalidation: this node only (no Payara data grid); other nodes' caches expire on their own");
        } else {
            LOG.info(() -> "Cache invalidation: cluster-wide over the Payara data grid, " + topic.members() + " member(s) now");
        }
    }

    /** Announces the change once the current transaction commits, or now when there is none. */
    public void afterCommit(String cache, String key) {
        CacheInvalidated change = new CacheInvalidated(cache, key);
        if (transactions == null || transactions.getTransactionKey() == null) {
            announce(change);
            return;
        }
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        announce(change);
                    }
                }
            });
        } catch (IllegalStateException e) {
            // The transaction is already ending (e.g. marked for rollback): invalidating is harmless, missing one is not.
            announce(change);
        }
    }

    /**
     * Announces a change that is already committed (written in a transaction of its own), now, whatever becomes of
     * the caller's transaction: waiting for it would lose the announcement when it rolls back.
     */
    public void announceNow(String cache, String key) {
        announce(new CacheInvalidated(cache, key));
    }

    /** How many nodes receive the announcements, this one included (1 without a data grid). */
    public int members() {
        ClusterTopic current = topic;
        return current == null ? 1 : current.members();
    }

    /** The members' addresses; empty without a data grid (this node alone). */
    public List<String> memberAddresses() {
        ClusterTopic current = topic;
        return current == null ? List.of() : current.memberAddresses();
    }

    private void announce(CacheInvalidated change) {
        local.fire(change);
        ClusterTopic current = topic;
        if (current != null) {
            current.publish(change.wire());
        }
    }

    /** On a Hazelcast thread: hand over to a managed thread, where JPA and CDI work as in a request. */
    private void received(Object message) {
        CacheInvalidated.fromWire(message).ifPresent(change -> {
            try {
                executor.execute(() -> fireSafely(change));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, "Dropped a cache invalidation from another node: " + change, e);
            }
        });
    }

    private void fireSafely(CacheInvalidated change) {
        try {
            local.fire(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A cache could not apply an invalidation from another node: " + change, e);
        }
    }

    private static Object lookupHazelcast() {
        try {
            return new InitialContext().lookup(HAZELCAST_JNDI);
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No Hazelcast instance at " + HAZELCAST_JNDI, e);
            return null;
        }
    }

    @PreDestroy
    void stop() {
        ClusterTopic current = topic;
        topic = null;
        if (current != null) {
            current.close();
        }
    }
}
