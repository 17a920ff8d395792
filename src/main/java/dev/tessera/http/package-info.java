/**
 * The HTTP edge every request crosses before any endpoint: the JAX-RS application at the issuer's
 * root, and the steps {@code web/EveryRequestFilter} runs in order: the request id, security headers (RFC 9700
 * §4.16 anti-framing, nosniff, no-referrer, HSTS), the header and body limits (RFC 6585 §5), CORS for the public
 * metadata endpoints and for registered browser origins on the client endpoints (RFC 9700 §2.6), and credentials
 * refused in a form endpoint's URI (RFC 6749 §2.3.1). Also the container error page that keeps even container-level
 * failures in the JSON error shape of RFC 6749 §5.2, and a log filter that keeps requests Payara fails before
 * Tessera runs from flooding the log with stack traces.
 */
package dev.tessera.http;
