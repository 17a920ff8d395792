/**
 * Persistence plumbing shared by every capability: the Liquibase migration that runs at start-up
 * (the top-level {@code liquibase/} changelog, the same in tests and production), the Instant-to-epoch
 * converter, named database locks that serialise cluster-wide work, and the way background jobs are scheduled
 * on the container's managed executor ({@link dev.tessera.persistence.RepeatingTask}). No protocol logic lives
 * here.
 *
 * <p>Portability (Jakarta EE 10): the data source is the application's own {@code resource-ref}
 * ({@code java:comp/env/jdbc/tessera}, Jakarta EE Platform §5.7), and database work that follows a commit runs in a
 * transaction of its own ({@link dev.tessera.persistence.AfterCommitWork}), because Jakarta Transactions 2.0
 * leaves the context of {@code afterCompletion} undefined ({@code TransactionSynchronizationRegistry}).
 */
package dev.tessera.persistence;
