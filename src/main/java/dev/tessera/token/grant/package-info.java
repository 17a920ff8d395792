/**
 * The grants that redeem no artifact of Tessera's own: client credentials (RFC 6749 §4.4), the legacy
 * password grant (§4.3, per-client opt-in only, RFC 9700 §2.4), token exchange (RFC 8693, with the exchange
 * policy and the {@code act} claim of §4.1) and the JWT bearer grant (RFC 7523 §2.1).
 */
package dev.tessera.token.grant;
