package dev.tessera.token;

import dev.tessera.audit.RecordingAuditLog;
import dev.tessera.cluster.Invalidations;
import dev.tessera.persistence.JpaInserts;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The token package's JPA services on a given EntityManager and clock, for the database tests outside the container. */
public final class JpaTokens {
    private JpaTokens() {
    }

    public static OneTimeArtifacts artifacts(EntityManager em, Clock clock) {
        OneTimeArtifacts artifacts = new OneTimeArtifacts();
        artifacts.em = em;
        artifacts.clock = clock;
        return artifacts;
    }

    /** The revocation list over {@code em}; outside the container its "own transaction" is the caller's. */
    public static RevocationList revocations(EntityManager em, Clock clock) {
        RevocationList revocations = new RevocationList();
        revocations.known = revokedJtis(em, clock);
        revocations.invalidations = new Invalidations() {
            @Override
            public void announceNow(String cache, String key) {
                // one process, no other node to tell
            }
        };
        revocations.inserts = JpaInserts.on(em);
        revocations.settings = TokenFixtures.SETTINGS;
        revocations.clock = clock;
        return revocations;
    }

    /** A node's copy of the revocation list over {@code em}, not yet loaded (so it reads the database). */
    public static RevokedJtis revokedJtis(EntityManager em, Clock clock) {
        RevokedJtis known = new RevokedJtis();
        known.em = em;
        known.clock = clock;
        known.rows = new RevokedTokenRows();
        known.rows.em = em;
        return known;
    }

    /** Runs the copy's periodic reload now; whether the copy is then complete. */
    public static boolean reload(RevokedJtis known) {
        known.reload();
        return known.complete();
    }

    public static RefreshTokens refreshTokens(EntityManager em, Clock clock) {
        RefreshTokens refreshTokens = new RefreshTokens();
        refreshTokens.em = em;
        refreshTokens.settings = TokenFixtures.SETTINGS;
        refreshTokens.clock = clock;
        refreshTokens.revocations = revocations(em, clock);
        refreshTokens.artifacts = artifacts(em, clock);
        refreshTokens.audit = new RecordingAuditLog();
        return refreshTokens;
    }
}
