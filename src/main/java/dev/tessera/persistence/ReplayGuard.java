package dev.tessera.persistence;

import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Remembers one-time identifiers (a client assertion's jti, RFC 7523 §3 item 7: "The authorization
 * server MAY ensure that JWTs are not replayed by maintaining the set of used jti values for the
 * length of time for which the JWT would be considered valid") across every node: the primary key of
 * replay_entry lets only the first insert count wherever it runs. A replay is answered without an
 * exception and logged once a minute at most ({@link ExpectedOutcomes}).
 */
@ApplicationScoped
public class ReplayGuard {

    @Inject
    FirstInsert inserts;

    @Inject
    ExpectedOutcomes outcomes;

    /**
     * @return true the first time {@code purpose} and {@code id} are seen, false on every later call
     */
    public boolean firstUse(String purpose, String id, Instant expiresAt) {
        String key = Secrets.sha256Hex(purpose + "\u0000" + id);
        if (inserts.insert(ReplayEntry.TABLE, ReplayEntry.KEY_COLUMN, key, expiresAt)) {
            return true;
        }
        outcomes.note("replayed " + purpose + " jti");
        return false;
    }
}
