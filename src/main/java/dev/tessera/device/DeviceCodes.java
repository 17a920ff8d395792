package dev.tessera.device;

import dev.tessera.config.DeviceSettings;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.ExpiringState;
import dev.tessera.token.OneTimeArtifacts;
import dev.tessera.token.UserGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Issues device codes and answers polls. The device code has 256 random bits, far beyond brute forcing
 * (RFC 8628 §5.2; RFC 6749 §10.10: at least 128), the user code comes from {@link UserCodes}; both are
 * stored as SHA-256 only. A poll locks the row, so two nodes polled at once apply the interval in turn; the
 * approved code is then redeemed by one atomic {@code UPDATE ... WHERE redeemed_at IS NULL}, so of
 * any number of parallel polls on any number of nodes exactly one gets tokens.
 */
@ApplicationScoped
public class DeviceCodes {
    /** Attempts to find a user code no row uses yet; a collision among 20^8 codes is already rare. */
    private static final int ATTEMPTS = 5;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    DeviceSettings settings;

    @Inject
    DevicePolling polling;

    @Inject
    Inserter inserter;

    @Inject
    OneTimeArtifacts artifacts;

    @Inject
    Clock clock;

    /** A device authorization just stored: the two codes to send once, and the row. */
    public record Issued(String deviceCode, String userCode, DeviceCode row) {
    }

    /** A poll's answer, and the row it was about (null when unknown). */
    public record Poll(PollAnswer answer, DeviceCode code) {
    }

    public Issued issue(String clientId, Set<String> scope, List<String> resources) {
        for (int attempt = 1; ; attempt++) {
            String deviceCode = Secrets.random(32);
            String userCode = UserCodes.generate();
            DeviceCode row = new DeviceCode(Secrets.sha256Hex(deviceCode), UserCodes.hash(UserCodes.normalize(userCode).orElseThrow()),
                    UserGrant.requested(Secrets.random(16), clientId, scope, resources), settings.interval(), clock.instant(),
                    settings.codeLifetime());
            try {
                inserter.insert(row);
                return new Issued(deviceCode, userCode, row);
            } catch (RuntimeException userCodeTaken) {
                // The unique index on user_code_hash refused it (or the database hiccupped): a fresh pair.
                if (attempt >= ATTEMPTS) {
                    throw userCodeTaken;
                }
            }
        }
    }

    /**
     * One poll by the client the code was issued to. RFC 8628 §3.4 has the device code stand for the
     * grant; like an authorization code (RFC 6749 §4.1.3) it must belong to the authenticated client,
     * so another client's poll is an unknown code and changes nothing.
     */
    @Transactional
    public Poll poll(String deviceCode, String clientId) {
        if (deviceCode == null || deviceCode.length() > 128) {
            return new Poll(PollAnswer.UNKNOWN, null);
        }
        String hash = Secrets.sha256Hex(deviceCode);
        DeviceCode row = em.find(DeviceCode.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.clientId().equals(clientId)) {
            return new Poll(PollAnswer.UNKNOWN, null);
        }
        PollAnswer answer = polling.answer(row);
        if (answer == PollAnswer.ISSUE && !artifacts.consume(DeviceCode.class, hash, clock.instant())) {
            answer = PollAnswer.REDEEMED;
        }
        return new Poll(answer, row);
    }

    /** The insert in its own transaction, so a user code collision does not doom a caller's transaction. */
    @ApplicationScoped
    public static class Inserter {
        @PersistenceContext(unitName = "tessera")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insert(DeviceCode row) {
            em.persist(row);
            em.flush();
        }
    }

    /** Rows are reaped at purge_at: one lifetime after expiry, late polls still learn expired_token. */
    @ApplicationScoped
    public static class State implements ExpiringState {
        @Override
        public String entity() {
            return "DeviceCode";
        }

        @Override
        public String idAttribute() {
            return "hash";
        }

        @Override
        public String expiryAttribute() {
            return "purgeAt";
        }
    }
}
