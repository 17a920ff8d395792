/**
 * Jakarta Faces backing beans for the pages (login, consent, device code entry and confirmation of
 * RFC 8628 §3.3). They call services, never repositories.
 * Pages cannot be framed (RFC 9700 §4.16), answer no-store, post back with server-side view state, and
 * redirect after a POST with 303 (RFC 9700 §4.12).
 */
package dev.tessera.web;
