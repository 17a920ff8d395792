/**
 * Persistence plumbing shared by every capability: the Liquibase migration that runs at start-up
 * (the top-level {@code liquibase/} changelog, the same in tests and production), the Instant-to-epoch
 * converter, and named database locks that serialise cluster-wide work. No protocol logic lives here.
 */
package dev.tessera.persistence;
