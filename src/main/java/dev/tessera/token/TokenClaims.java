package dev.tessera.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an active access token says, whatever its format: the material of introspection. */
public record TokenClaims(String jti, String clientId, String subject, Set<String> scope, List<String> audiences,
        Instant issuedAt, Instant expiresAt, Map<String, Object> extra) {
}
