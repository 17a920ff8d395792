package dev.tessera.user;

import dev.tessera.config.LoginSettings;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Slows online password guessing without letting anyone lock a victim out (NIST SP 800-63B §5.2.2: the verifier
 * "SHALL implement a rate-limiting mechanism that effectively limits failed authentication attempts"; OWASP
 * Authentication Cheat Sheet: lockouts are a denial of service). Four counters, in the database so every node
 * counts together, each keyed by a hash:
 *
 * <ul>
 * <li>per username and address: {@code max-failures} within the window refuse that pair for the lockout, so
 *     one guesser stops while the same person elsewhere is untouched;
 * <li>per username and known device (a signed cookie set at each sign-in, {@link KnownDevices}): the same
 *     limit for attempts made with the cookie, which are exempt from the two counters below;
 * <li>per username, from anywhere, and per address, for any username: beyond their thresholds each attempt
 *     without a known-device cookie waits a delay doubling per failure up to a maximum: distributed guessing and
 *     password spraying slow down, and nobody is ever locked out for long.
 * </ul>
 *
 * Unknown usernames are counted like real ones, so throttling reveals nothing. A refused attempt counts
 * nothing. A success clears its username's counters there, but not its address's (one valid account must not
 * reset the count of the address guessing from it). The per-account keys share the account key's first half,
 * so an administrator's unlock clears them all at once.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final int HALF = 32;

    @Inject
    LoginFailures failures;

    @Inject
    LoginSettings settings;

    @Inject
    Clock clock;

    /**
     * What the check before an attempt read: until when the attempt must wait (the latest of the counters that apply;
     * empty when none does), and which of the counters it read had no row, so a success need not delete them.
     */
    public record Check(Optional<Instant> refusedUntil, Set<String> absent) {
    }

    /** Reads the counters that apply to this attempt (one statement each). */
    public Check check(String normalizedUsername, String clientAddress, String knownDevice) {
        Instant now = clock.instant();
        List<String> keys = knownDevice != null ? List.of(deviceKey(normalizedUsername, knownDevice))
                : Stream.concat(Stream.of(accountKey(normalizedUsername)),
                        addressKey(clientAddress).stream().flatMap(a -> Stream.of(a, pairKey(normalizedUsername, a)))).toList();
        Set<String> absent = new HashSet<>();
        List<LoginFailure> found = new ArrayList<>();
        for (String key : keys) {
            failures.find(key).ifPresentOrElse(found::add, () -> absent.add(key));
        }
        return new Check(found.stream().filter(f -> f.lockedAt(now)).map(LoginFailure::lockedUntil).max(Instant::compareTo),
                Set.copyOf(absent));
    }

    /** @param knownDevice the device id of a valid known-device cookie for this username, or null */
    public void failed(String normalizedUsername, String clientAddress, String knownDevice) {
        Instant now = clock.instant();
        if (knownDevice != null) {
            failures.update(deviceKey(normalizedUsername, knownDevice), now,
                    f -> f.failed(now, settings.window(), settings.maxFailures(), settings.lockout()));
            return;
        }
        failures.update(accountKey(normalizedUsername), now,
                f -> f.failedWithDelay(now, settings.window(), settings.accountDelayAfter(), settings.delay(), settings.maxDelay()));
        addressKey(clientAddress).ifPresent(address -> {
            failures.update(pairKey(normalizedUsername, address), now,
                    f -> f.failed(now, settings.window(), settings.maxFailures(), settings.lockout()));
            failures.update(address, now, f -> f.failedWithDelay(now, settings.window(), settings.maxFailuresPerAddress(),
                    settings.delay(), settings.maxDelay()));
        });
    }

    /**
     * Clears the counters this sign-in proves were the person's: the username's account-wide count, and either
     * its known device's or (without one) its pair with this address. Nothing else: a guesser at another address,
     * or at this one when the person signed in on a known device (an office NAT), stays throttled.
     */
    public void succeeded(String normalizedUsername, String clientAddress, String knownDevice, Check check) {
        // A counter the check found absent is not deleted: no statement, no transaction. One written since by a
        // concurrent failure stays, as it would have had that failure come a moment after this delete.
        Consumer<String> clear = key -> {
            if (!check.absent().contains(key)) {
                failures.clear(key);
            }
        };
        clear.accept(accountKey(normalizedUsername));
        if (knownDevice != null) {
            clear.accept(deviceKey(normalizedUsername, knownDevice));
        } else {
            addressKey(clientAddress).ifPresent(address -> clear.accept(pairKey(normalizedUsername, address)));
        }
    }

    /** Clears every counter of this username: account-wide, per address and per device (not the addresses'). */
    public void unlock(String normalizedUsername) {
        failures.clearPrefix(accountKey(normalizedUsername).substring(0, HALF));
    }

    /**
     * Until when a person's second step is refused (issue 20): the same table and rule as a username at one address,
     * keyed by the person, since whoever reaches the second step already gave the right password.
     */
    public Optional<Instant> secondFactorRefusedUntil(String subject) {
        Instant now = clock.instant();
        return failures.find(secondFactorKey(subject)).filter(f -> f.lockedAt(now)).map(LoginFailure::lockedUntil);
    }

    public void secondFactorFailed(String subject) {
        Instant now = clock.instant();
        failures.update(secondFactorKey(subject), now, f -> f.failed(now, settings.window(), settings.maxFailures(), settings.lockout()));
    }

    /** A right code, or an administrator's unlock, clears the person's second-factor count. */
    public void clearSecondFactor(String subject) {
        failures.clear(secondFactorKey(subject));
    }

    static String secondFactorKey(String subject) {
        return Secrets.sha256Hex("second-factor:" + subject);
    }

    static String accountKey(String normalizedUsername) {
        return Secrets.sha256Hex("account:" + normalizedUsername);
    }

    static Optional<String> addressKey(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? Optional.empty()
                : Optional.of(Secrets.sha256Hex("address:" + clientAddress.strip()));
    }

    static String pairKey(String normalizedUsername, String addressKey) {
        return accountKey(normalizedUsername).substring(0, HALF) + addressKey.substring(0, HALF);
    }

    static String deviceKey(String normalizedUsername, String device) {
        return accountKey(normalizedUsername).substring(0, HALF) + Secrets.sha256Hex("device:" + device).substring(0, HALF);
    }
}
