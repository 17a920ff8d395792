/**
 * One class per grant type: authorization code (RFC 6749 §4.1), client credentials (§4.4), refresh
 * token (§6), the legacy password grant (§4.3, per-client opt-in only, RFC 9700 §2.4), token exchange
 * (RFC 8693) and the JWT bearer grant (RFC 7523 §2.1); with the rules they share: scope (RFC 6749 §3.3),
 * audience (RFC 8707 §2) and, for token exchange, the exchange policy and the {@code act} claim (RFC 8693 §4.1).
 */
package dev.tessera.token.grant;
