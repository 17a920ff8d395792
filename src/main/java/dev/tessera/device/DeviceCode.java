package dev.tessera.device;

import dev.tessera.client.SpaceSeparatedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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
public class DeviceCode {
    @Id
    @Column(name = "device_code_hash", length = 64)
    private String deviceCodeHash;

    @Column(name = "user_code_hash", nullable = false, length = 64)
    private String userCodeHash;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "scope", length = 2000)
    private Set<String> scope = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "resources", length = 2000)
    private Set<String> resources = Set.of();

    /** Names the refresh token family, so a replayed device code can revoke what it produced. */
    @Column(name = "grant_id", nullable = false, length = 64)
    private String grantId;

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

    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "auth_time")
    private Instant authTime;

    @Column(name = "amr", length = 200)
    private String amr;

    @Column(name = "acr", length = 200)
    private String acr;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "access_jti", length = 64)
    private String accessJti;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "purge_at", nullable = false)
    private Instant purgeAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    protected DeviceCode() {
    }

    DeviceCode(String deviceCodeHash, String userCodeHash, String clientId, Set<String> scope, Set<String> resources,
            String grantId, Duration interval, Instant createdAt, Duration lifetime) {
        this.deviceCodeHash = deviceCodeHash;
        this.userCodeHash = userCodeHash;
        this.clientId = clientId;
        this.scope = Set.copyOf(scope);
        this.resources = Set.copyOf(resources);
        this.grantId = grantId;
        this.status = DeviceStatus.PENDING.name();
        this.intervalSeconds = (int) interval.toSeconds();
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(lifetime);
        this.purgeAt = expiresAt.plus(lifetime);
    }

    public String deviceCodeHash() { return deviceCodeHash; }
    public String clientId() { return clientId; }
    public Set<String> scope() { return scope; }
    public List<String> resources() { return List.copyOf(resources); }
    public String grantId() { return grantId; }
    public DeviceStatus status() { return DeviceStatus.valueOf(status); }
    public int intervalSeconds() { return intervalSeconds; }
    public Instant lastPolledAt() { return lastPolledAt; }
    public String subject() { return subject; }
    public Instant authTime() { return authTime; }
    public List<String> amr() { return amr == null || amr.isBlank() ? List.of() : List.of(amr.split(" ")); }
    public String acr() { return acr; }
    public String accessJti() { return accessJti; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant redeemedAt() { return redeemedAt; }
    String browserHash() { return browserHash; }

    /** Still waiting for the person, and within its lifetime: the only state the pages act on. */
    public boolean pendingAt(Instant now) {
        return status() == DeviceStatus.PENDING && now.isBefore(expiresAt) && redeemedAt == null;
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
    boolean decide(boolean approved, String subject, Instant authTime, List<String> amr, String acr, Instant now) {
        if (!pendingAt(now)) {
            return false;
        }
        this.status = (approved ? DeviceStatus.APPROVED : DeviceStatus.DENIED).name();
        this.subject = subject;
        this.authTime = authTime;
        this.amr = String.join(" ", amr);
        this.acr = acr;
        this.decidedAt = now;
        return true;
    }

    /** Production redeems with DeviceCodes' atomic UPDATE; this mirrors it for in-memory state machine tests. */
    void redeemed(Instant now) {
        this.redeemedAt = now;
    }

    void accessTokenIssued(String jti) {
        this.accessJti = jti;
    }
}
