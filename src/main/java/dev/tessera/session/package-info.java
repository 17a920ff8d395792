/**
 * SSO sessions: the cookie (HttpOnly, SameSite=Lax, Secure and {@code __Host-} with an https issuer), the
 * session row holding only a hash of its secret, auth_time, amr and acr (OpenID Connect Core §2), and
 * idle and absolute expiry, and logout (OpenID Connect RP-Initiated Logout 1.0, Front-Channel Logout 1.0 §2-§3,
 * Back-Channel Logout 1.0), and Session Management 1.0 §3-§4 (browser state, session_state, check_session iframe). A
 * sign-in's facts live here as one value ({@link dev.tessera.session.Authentication}, with the session
 * binding in {@link dev.tessera.session.SignIn}) and one stored form that every grant's table embeds
 * ({@link dev.tessera.session.StoredAuthentication}).
 */
package dev.tessera.session;
