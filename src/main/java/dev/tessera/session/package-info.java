/**
 * SSO sessions: the cookie (HttpOnly, SameSite=Lax, Secure and {@code __Host-} with an https issuer), the
 * session row holding only a hash of its secret, auth_time, amr and acr (OpenID Connect Core §2), and
 * idle and absolute expiry. Logout (OpenID Connect RP-Initiated, Front- and Back-Channel Logout) will
 * live here too.
 */
package dev.tessera.session;
