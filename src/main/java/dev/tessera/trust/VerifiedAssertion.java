package dev.tessera.trust;

import java.time.Instant;

/** A JWT bearer assertion whose signature and claims checked out; its jti is not yet consumed. */
public record VerifiedAssertion(TrustedIssuer issuer, String subject, String jti, Instant expiresAt) {
}
