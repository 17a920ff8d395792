/**
 * Issuers whose JWT assertions this server accepts as authorization grants (RFC 7523 §2.1, §3): an
 * administrator names each one with its keys (inline JWK Set or {@code jwks_uri}), algorithms, allowed
 * subjects, clients and audiences, and how its {@code sub} maps to a subject here. The JOSE rules are
 * those of client assertions: no {@code none}, keys only from the registration, the algorithm pinned by
 * the key, {@code jti} single use across nodes.
 */
package dev.tessera.trust;
