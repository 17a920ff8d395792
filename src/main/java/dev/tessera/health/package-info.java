/**
 * Operations: MicroProfile Health liveness and readiness. Readiness is assembled from
 * {@link dev.tessera.health.ReadinessContributor} beans, one per part that can make a node unable to serve
 * (database, keys, directory, crypto, admin guard), each in its own package. No protocol logic.
 */
package dev.tessera.health;
