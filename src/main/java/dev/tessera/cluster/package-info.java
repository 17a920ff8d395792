/**
 * Several nodes, one truth. Every node keeps a few hot-path caches (clients, signing keys); when the data
 * behind one changes, {@link dev.tessera.cluster.Invalidations} fires {@link dev.tessera.cluster.CacheInvalidated}
 * on this node after the transaction commits and sends it over Payara's data grid (Hazelcast) to the
 * other nodes. No security decision depends on a message arriving: caches also expire, one-time
 * artifacts and sessions are read from the database, and each node's copy of the revoked access tokens
 * ({@code RevokedJtis}) also reloads from the database every 2 s. Without a data grid (a single node,
 * {@code --nohazelcast}, another server) the invalidation is local only. See docs/cluster.md.
 */
package dev.tessera.cluster;
