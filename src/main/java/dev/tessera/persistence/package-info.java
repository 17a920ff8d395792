/**
 * Persistence plumbing shared by every capability: the Liquibase migration that runs at start-up
 * (the top-level {@code liquibase/} changelog, the same in tests and production), the Instant-to-epoch
 * converter, named database locks that serialise cluster-wide work, and the way background jobs are scheduled
 * on the container's managed executor ({@link dev.tessera.persistence.RepeatingTask}). No protocol logic lives
 * here.
 */
package dev.tessera.persistence;
