/**
 * Passkeys and security keys (issue 20 point 2): the registration and authentication ceremonies of W3C Web
 * Authentication Level 2 (§7.1 registering a new credential, §7.2 verifying an authentication assertion) done by
 * webauthn4j, with what the relying party must keep itself: challenges from the CSPRNG, single-use and bound to the
 * browser's session (§13.4.3), the origin and RP ID of the issuer (§7.1 steps 9 and 13), the signature counter
 * (§6.1.1: a counter that goes backwards signals a cloned authenticator), and the credential records (§4 credential
 * record). RFC 8176 names the methods stated in {@code amr}.
 */
package dev.tessera.mfa.webauthn;
