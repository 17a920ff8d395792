package dev.tessera.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Recent failed logins for one username or one client address, in the database so every node counts
 * together. The key is a SHA-256 (of "account:" plus the normalized username, or "address:" plus the IP),
 * so this table lists no usernames or addresses in clear, and unknown usernames are counted exactly
 * like real ones. The row is dead, and reaped, once both its window and its lock are over.
 */
@Entity
@Table(name = "login_failure")
public class LoginFailure {
    @Id
    @Column(name = "key_hash", length = 64)
    private String keyHash;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LoginFailure() {
    }

    public LoginFailure(String keyHash, Instant now) {
        this.keyHash = keyHash;
        this.windowStart = now;
        this.expiresAt = now;
    }

    public String keyHash() { return keyHash; }
    public int failures() { return failures; }
    public Instant windowStart() { return windowStart; }
    public Instant lockedUntil() { return lockedUntil; }
    public Instant expiresAt() { return expiresAt; }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one more failure. A window that has run out starts afresh; reaching {@code maxFailures} within
     * the window locks the key for {@code lockout}.
     */
    public void failed(Instant now, Duration window, int maxFailures, Duration lockout) {
        count(now, window);
        if (failures >= maxFailures && !lockedAt(now)) {
            lockedUntil = now.plus(lockout);
        }
        expire(window);
    }

    /**
     * Counts one more failure; from the {@code threshold}th on, the key waits {@code delay} after it, doubled at
     * each further failure up to {@code maxDelay}: a progressive delay, never a lock.
     */
    public void failedWithDelay(Instant now, Duration window, int threshold, Duration delay, Duration maxDelay) {
        count(now, window);
        if (failures >= threshold) {
            Duration wait = delay.multipliedBy(1L << Math.min(failures - threshold, 20));
            lockedUntil = now.plus(wait.compareTo(maxDelay) > 0 ? maxDelay : wait);
        }
        expire(window);
    }

    private void count(Instant now, Duration window) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            failures = 0;
        }
        failures++;
    }

    private void expire(Duration window) {
        Instant windowEnd = windowStart.plus(window);
        expiresAt = lockedUntil != null && lockedUntil.isAfter(windowEnd) ? lockedUntil : windowEnd;
    }
}
