package dev.tessera.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A stored signing key: public JWK in clear, private JWK encrypted by {@link KeyEncryptor}. */
@Entity
@Table(name = "signing_key")
public class SigningKey {
    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "alg", nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    private String publicJwk;

    @Column(name = "private_jwk", nullable = false, length = 8000)
    private String encryptedPrivateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activates_at", nullable = false)
    private Instant activatesAt;

    @Column(name = "retires_at")
    private Instant retiresAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, SigningAlgorithm algorithm, String publicJwk, String encryptedPrivateJwk,
            Instant createdAt, Instant activatesAt) {
        this.kid = kid;
        this.algorithm = algorithm.jwsName();
        this.publicJwk = publicJwk;
        this.encryptedPrivateJwk = encryptedPrivateJwk;
        this.createdAt = createdAt;
        this.activatesAt = activatesAt;
    }

    public String kid() {
        return kid;
    }

    /** Empty for an algorithm this build no longer knows; such keys are ignored, not failed on. */
    public Optional<SigningAlgorithm> algorithm() {
        return SigningAlgorithm.fromJwsName(algorithm);
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String encryptedPrivateJwk() {
        return encryptedPrivateJwk;
    }

    /** The same private key, encrypted under the current key-encryption secret. */
    void resealed(String encrypted) {
        encryptedPrivateJwk = encrypted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant activatesAt() {
        return activatesAt;
    }

    public Instant retiresAt() {
        return retiresAt;
    }

    public void retireAt(Instant when) {
        this.retiresAt = when;
    }

    /** The pure view the policy decides on; null when the algorithm is unknown. */
    public KeyTimeline timeline() {
        return algorithm().map(a -> new KeyTimeline(kid, a, activatesAt, retiresAt)).orElse(null);
    }
}
