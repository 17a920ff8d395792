/**
 * Second factors and the levels they reach (issue 20): one-time codes (RFC 6238 TOTP over RFC 4226 HOTP, with the
 * replay rule of RFC 6238 §5.2), recovery codes, what an authorization request needs (OpenID Connect Core §3.1.2.1
 * {@code acr_values}, §5.5.1.1 the essential {@code acr} claim, client and server floors) and the administrators'
 * view of a person's factors. Each factor is one {@link dev.tessera.mfa.SecondFactor} bean, so WebAuthn adds a class,
 * not a branch. RFC 8176 names the methods the ID token states in {@code amr}.
 */
package dev.tessera.mfa;
