package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Database work that follows a commit, in a transaction of its own. Transactional observers
 * ({@code TransactionPhase.AFTER_SUCCESS}) and {@code Synchronization.afterCompletion} run while the finished
 * transaction may still be bound to the thread: "The afterCompletion callback will be invoked in an undefined
 * context" (Jakarta Transactions 2.0, {@code TransactionSynchronizationRegistry.registerInterposedSynchronization}),
 * and WildFly's transaction manager refuses to enlist in it ({@code ARJUNA016102: The transaction is not active!}),
 * while Payara lets it pass. {@code REQUIRES_NEW} suspends whatever is there and begins a fresh transaction, the
 * same on every server.
 */
@ApplicationScoped
public class AfterCommitWork {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Runnable work) {
        work.run();
    }
}
