/**
 * Jakarta Faces backing beans for the pages (login, consent, device code entry and confirmation of
 * RFC 8628 §3.3). They call services, never repositories.
 * Pages cannot be framed (RFC 9700 §4.16), answer no-store, post back with server-side view state, and
 * redirect after a POST with 303 (RFC 9700 §4.12). Also the filter every request crosses first
 * ({@link dev.tessera.web.EveryRequestFilter}): it composes the edge's steps from {@code http} and {@code session}
 * (RFC 6749 §2.3.1 credentials never in the URI, RFC 9700 §4.16 anti-framing, RFC 6585 §5 header limits), which only
 * this floor may depend on together.
 */
package dev.tessera.web;
