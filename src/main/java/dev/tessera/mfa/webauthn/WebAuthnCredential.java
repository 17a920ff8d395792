package dev.tessera.mfa.webauthn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A WebAuthn credential record (Web Authentication §4 "credential record"): the public key as COSE bytes
 * (base64url, RFC 9052 §7), the signature counter last seen, the authenticator's AAGUID and flags, and what the person
 * calls it. The row id is the SHA-256 of the credential id, a short stable key for pages and the admin API.
 */
@Entity
@Table(name = "webauthn_credential")
public class WebAuthnCredential {
    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "credential_id", nullable = false, length = 1400)
    private String credentialId;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Column(name = "user_handle", nullable = false, length = 100)
    private String userHandle;

    @Column(name = "public_key", nullable = false, length = 2000)
    private String publicKey;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "aaguid", length = 36)
    private String aaguid;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "transports", length = 200)
    private String transports;

    @Column(name = "discoverable", nullable = false)
    private boolean discoverable;

    @Column(name = "backup_eligible", nullable = false)
    private boolean backupEligible;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected WebAuthnCredential() {
    }

    WebAuthnCredential(String id, String credentialId, String subject, String userHandle, String publicKey, long signCount,
            String aaguid, String name, String transports, boolean discoverable, boolean backupEligible, Instant createdAt) {
        this.id = id;
        this.credentialId = credentialId;
        this.subject = subject;
        this.userHandle = userHandle;
        this.publicKey = publicKey;
        this.signCount = signCount;
        this.aaguid = aaguid;
        this.name = name;
        this.transports = transports;
        this.discoverable = discoverable;
        this.backupEligible = backupEligible;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String credentialId() { return credentialId; }
    public String subject() { return subject; }
    public String userHandle() { return userHandle; }
    public String publicKey() { return publicKey; }
    public long signCount() { return signCount; }
    public String aaguid() { return aaguid; }
    public String name() { return name; }
    public String transports() { return transports; }
    public boolean discoverable() { return discoverable; }
    public boolean backupEligible() { return backupEligible; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
}
