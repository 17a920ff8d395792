package dev.tessera.device;

import dev.tessera.session.Authentication;
import dev.tessera.token.OneTimeArtifact;
import dev.tessera.token.UserGrant;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One device authorization (RFC 8628 §3.2): the device code and the user code, both only as SHA-256,
 * what the device asked for, where the person's decision stands, and the polling state of §3.5 (last
 * poll and current interval in the row, so every node applies the same interval). The browser that
 * entered the user code is bound by the hash of a random flow id and of a cookie value, as pending
 * authorization requests are. The row outlives its expiry until {@code purgeAt}, so a late poll still
 * learns {@code expired_token} and a replay is still recognised.
 */
@Entity
@Table(name = "device_code")
@AttributeOverride(name = "hash", column = @Column(name = "device_code_hash", length = 64))
@AttributeOverride(name = "consumedAt", column = @Column(name = "redeemed_at"))
public class DeviceCode extends OneTimeArtifact {
    @Column(name = "user_code_hash", nullable = false, length = 64)
    private String userCodeHash;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "interval_seconds", nullable = false)
    private int intervalSeconds;

    @Column(name = "last_polled_at")
    private Instant lastPolledAt;

    @Column(name = "flow_hash", length = 64)
    private String flowHash;

    @Column(name = "browser_hash", length = 64)
    private String browserHash;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "purge_at", nullable = false)
    private Instant purgeAt;

    protected DeviceCode() {
    }

    /** @param requested what the client asked for, with a grant id that will name the refresh token family */
    DeviceCode(String deviceCodeHash, String userCodeHash, UserGrant requested, Duration interval, Instant createdAt, Duration lifetime) {
        super(deviceCodeHash, requested, createdAt, createdAt.plus(lifetime));
        this.userCodeHash = userCodeHash;
        this.status = DeviceStatus.PENDING.name();
        this.intervalSeconds = (int) interval.toSeconds();
        this.purgeAt = expiresAt().plus(lifetime);
    }

    /** The person's grant once approved. No sid and no claims request: see {@link DeviceCodeGrant}. */
    @Override
    public UserGrant userGrant() {
        return userGrant(null, null);
    }

    public DeviceStatus status() { return DeviceStatus.valueOf(status); }
    public int intervalSeconds() { return intervalSeconds; }
    public Instant lastPolledAt() { return lastPolledAt; }
    String browserHash() { return browserHash; }

    /** Still waiting for the person, and within its lifetime: the only state the pages act on. */
    public boolean pendingAt(Instant now) {
        return status() == DeviceStatus.PENDING && now.isBefore(expiresAt()) && consumedAt() == null;
    }

    void polled(Instant now) {
        lastPolledAt = now;
    }

    /** RFC 8628 §3.5 slow_down: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
    void slowedDown(Instant now, Duration step) {
        lastPolledAt = now;
        intervalSeconds += (int) step.toSeconds();
    }

    /** The browser that entered the user code last; only it may decide. */
    void boundTo(String flowHash, String browserHash) {
        this.flowHash = flowHash;
        this.browserHash = browserHash;
    }

    /**
     * The person's answer. Only a pending, live, unredeemed code can be decided, and only once.
     *
     * @return whether the decision was taken
     */
    boolean decide(boolean approved, String subject, Authentication authentication, Instant now) {
        if (!pendingAt(now)) {
            return false;
        }
        this.status = (approved ? DeviceStatus.APPROVED : DeviceStatus.DENIED).name();
        grantedBy(subject, authentication);
        this.decidedAt = now;
        return true;
    }

    /** Production redeems with the atomic update of {@code OneTimeArtifacts}; this mirrors it for in-memory state machine tests. */
    void redeemed(Instant now) {
        consumed(now);
    }
}
