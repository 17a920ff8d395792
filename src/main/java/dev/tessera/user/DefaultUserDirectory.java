package dev.tessera.user;

import dev.tessera.config.PasswordSettings;
import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.metrics.TesseraMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link UserDirectory}: throttling first, then the stores in their configured order; the first store
 * that knows the username decides. What the person is told never separates an unknown username from a
 * wrong password, and both cost one Argon2id verification (a dummy hash stands in for a missing user),
 * so neither the text nor the time of the answer tells which usernames exist.
 *
 * <p>A store that cannot be asked ends the search with {@code UNAVAILABLE} rather than falling through to
 * a later store, where a different account could carry the same username.
 */
@ApplicationScoped
public class DefaultUserDirectory implements UserDirectory {
    private static final Logger LOG = Logger.getLogger(DefaultUserDirectory.class.getName());
    static final String SUCCESS = "success";
    static final String NO_STORE = "_none";

    @Inject
    AuditLog audit;

    @Inject
    UserStores stores;

    @Inject
    LoginThrottle throttle;

    @Inject
    PasswordHasher hasher;

    @Inject
    KnownDevices devices;

    @Inject
    TesseraMetrics metrics;

    /** A login's result and the id of the store that gave it ({@link #NO_STORE} when none did), for the metric. */
    private record Answer(String store, LoginResult result) {
        static Answer none(LoginResult result) {
            return new Answer(NO_STORE, result);
        }
    }

    @Override
    public LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie) {
        Answer answer = check(username, password, clientAddress, deviceCookie);
        LoginResult result = answer.result();
        if (metrics != null) {
            metrics.signIn(answer.store(), result instanceof LoginResult.Failure f ? f.reason().name().toLowerCase(Locale.ROOT) : SUCCESS);
        }
        if (result instanceof LoginResult.Failure f) {
            // The typed username is not recorded: people type passwords into it.
            audit.record(AuditEvent.now(AuditType.LOGIN_FAILED, "anonymous", null, null, clientAddress,
                    Map.of("reason", f.reason().name(), "detail", String.valueOf(f.auditDetail()))));
        } else if (result instanceof LoginResult.Success s) {
            audit.record(AuditEvent.now(AuditType.LOGIN_SUCCEEDED, s.user().subject(), s.user().subject(), null,
                    clientAddress, Map.of()));
        }
        return result;
    }

    private Answer check(String username, String password, String clientAddress, String deviceCookie) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Answer.none(invalid("empty username or password"));
        }
        String normalized = Usernames.normalize(username);
        try {
            String device = deviceCookie == null ? null : devices.deviceOf(deviceCookie, normalized).orElse(null);
            LoginThrottle.Check check = throttle.check(normalized, clientAddress, device);
            Optional<Instant> refused = check.refusedUntil();
            if (refused.isPresent()) {
                return Answer.none(new LoginResult.Failure(LoginResult.Reason.THROTTLED, LoginMessages.THROTTLED,
                        "too many failures for this username from " + (device != null ? "this known device" : clientAddress)
                                + " or from everywhere; refused until " + refused.get()));
            }
            Answer answer = ask(username, password);
            LoginResult result = answer.result();
            if (result instanceof LoginResult.Success) {
                throttle.succeeded(normalized, clientAddress, device, check);
            } else if (result instanceof LoginResult.Failure f && f.reason() == LoginResult.Reason.INVALID_CREDENTIALS) {
                throttle.failed(normalized, clientAddress, device);
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Login could not be checked", e);
            return Answer.none(new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE, LoginMessages.UNAVAILABLE,
                    "user store or throttle failed: " + e));
        }
    }

    private Answer ask(String username, String password) {
        if (password.length() > PasswordSettings.MAX_LENGTH) {
            hasher.verifyDummy(password.substring(0, PasswordSettings.MAX_LENGTH));
            return Answer.none(invalid("password longer than " + PasswordSettings.MAX_LENGTH + " characters"));
        }
        for (UserStore store : stores.ordered()) {
            Optional<LoginResult> answer = store.authenticate(username, password);
            if (answer.isPresent()) {
                return new Answer(store.id(), answer.get());
            }
        }
        hasher.verifyDummy(password);
        return Answer.none(invalid("unknown username"));
    }

    @Override
    public Optional<UserAccount> findBySubject(String subject) {
        return bySubject(subject, UserStore::findBySubject);
    }

    @Override
    public Optional<UserAccount> recheck(String subject) {
        return bySubject(subject, UserStore::recheck);
    }

    /**
     * Asks every store, the local one first ({@link UserStores#forSubjects}), so a local subject never costs a
     * directory search. Subjects, unlike usernames, are unique across stores (UUIDs), so a store that fails does
     * not stop the search: a local person keeps working while the directory listed before is down.
     * Only when no store has the subject is the failure thrown, so nobody mistakes an outage for a deletion.
     */
    private Optional<UserAccount> bySubject(String subject, BiFunction<UserStore, String, Optional<UserAccount>> lookup) {
        RuntimeException failure = null;
        for (UserStore store : stores.forSubjects()) {
            try {
                Optional<UserAccount> account = lookup.apply(store, subject);
                if (account.isPresent()) {
                    return account;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "User store " + store.id() + " could not look up a subject", e);
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Optional.empty();
    }

    private static LoginResult.Failure invalid(String detail) {
        return new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS, LoginMessages.INVALID, detail);
    }
}
