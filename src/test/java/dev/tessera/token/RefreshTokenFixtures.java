package dev.tessera.token;

import java.time.Instant;

/** Builds refresh token rows for tests outside this package (the constructor is package-private). */
public final class RefreshTokenFixtures {
    private RefreshTokenFixtures() {
    }

    public static RefreshToken live(RefreshGrant grant) {
        return stored("hash", grant, Instant.now());
    }

    /** A token as {@link RefreshTokens#issue} stores it, idle for ten minutes. */
    public static RefreshToken stored(String hash, RefreshGrant grant, Instant issuedAt) {
        return new RefreshToken(hash, grant, issuedAt, issuedAt.plusSeconds(600));
    }
}
