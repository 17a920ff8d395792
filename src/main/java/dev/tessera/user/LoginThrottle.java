package dev.tessera.user;

import dev.tessera.config.LoginSettings;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows online password guessing, per username and per client address (NIST SP 800-63B §5.2.2: the
 * verifier "SHALL implement a rate-limiting mechanism that effectively limits failed authentication
 * attempts"). After {@code tessera.login.max-failures} failures for one username, or
 * {@code tessera.login.max-failures-per-address} from one address, within {@code tessera.login.window},
 * that username or address is refused for {@code tessera.login.lockout} without its password being
 * checked. Unknown usernames are counted like real ones, so the lock reveals nothing.
 *
 * <p>A successful login clears its username's count but not its address's: otherwise one valid account
 * would let a guesser reset the count of the address it guesses from.
 */
@ApplicationScoped
public class LoginThrottle {
    @Inject
    LoginFailures failures;

    @Inject
    LoginSettings settings;

    @Inject
    Clock clock;

    /** Until when the username or the address is locked, whichever lasts longer; empty when neither is. */
    public Optional<Instant> lockedUntil(String normalizedUsername, String clientAddress) {
        Instant now = clock.instant();
        Optional<Instant> account = locked(accountKey(normalizedUsername), now);
        Optional<Instant> address = addressKey(clientAddress).flatMap(k -> locked(k, now));
        if (account.isPresent() && address.isPresent()) {
            return Optional.of(account.get().isAfter(address.get()) ? account.get() : address.get());
        }
        return account.or(() -> address);
    }

    public void failed(String normalizedUsername, String clientAddress) {
        Instant now = clock.instant();
        failures.update(accountKey(normalizedUsername), now,
                f -> f.failed(now, settings.window(), settings.maxFailures(), settings.lockout()));
        addressKey(clientAddress).ifPresent(key -> failures.update(key, now,
                f -> f.failed(now, settings.window(), settings.maxFailuresPerAddress(), settings.lockout())));
    }

    public void succeeded(String normalizedUsername) {
        failures.clear(accountKey(normalizedUsername));
    }

    private Optional<Instant> locked(String key, Instant now) {
        return failures.find(key).filter(f -> f.lockedAt(now)).map(LoginFailure::lockedUntil);
    }

    static String accountKey(String normalizedUsername) {
        return Secrets.sha256Hex("account:" + normalizedUsername);
    }

    static Optional<String> addressKey(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? Optional.empty()
                : Optional.of(Secrets.sha256Hex("address:" + clientAddress.strip()));
    }
}
