/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1; OpenID Connect Core §3): phase one verifies the
 * client and its redirect URI (RFC 9700 §4.1.3, RFC 8252 §7.3), phase two runs the ordered checks (PKCE
 * per RFC 7636 under RFC 9700 §2.1.1's policy, refused request objects (OpenID Connect Core §6), response
 * types and modes, prompt, max_age, claims, RFC 8707 resources); then login and consent through pending
 * requests, and the response with {@code iss} (RFC 9207) in the query, fragment or form_post mode, its
 * claims placed per OpenID Connect Core §5.4. Authorization codes are issued here and redeemed here too,
 * by the authorization code grant (RFC 6749 §4.1.3).
 */
package dev.tessera.authorize;
