package dev.tessera.token;

import java.time.Instant;

/** Builds refresh token rows for tests outside this package (the constructor is package-private). */
public final class RefreshTokenFixtures {
    private RefreshTokenFixtures() {
    }

    public static RefreshToken live(RefreshGrant grant) {
        Instant now = Instant.now();
        return new RefreshToken("hash", grant, now, now.plusSeconds(600));
    }
}
