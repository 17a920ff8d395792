/**
 * The HTTP edge every request crosses before any endpoint: the JAX-RS application at the issuer's
 * root, security headers (RFC 9700 §4.16 anti-framing, nosniff, no-referrer, HSTS), CORS for the
 * public metadata endpoints only (RFC 9700 §2.6), the request body limit, the container error page
 * that keeps even container-level failures in the JSON error shape of RFC 6749 §5.2, and a log filter
 * that keeps requests Payara fails before Tessera runs from flooding the log with stack traces.
 */
package dev.tessera.http;
