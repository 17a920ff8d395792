package dev.tessera.keys;

import dev.tessera.config.KeyEncryptionSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM, so a copy of the database alone does not
 * let anyone sign tokens. The key-encryption key is the configured secret itself when that is 32
 * bytes of base64, otherwise PBKDF2-HMAC-SHA256 of it. The kid is bound in as associated data, so a
 * ciphertext moved to another row fails to decrypt.
 *
 * <p>While the secret is being changed, the earlier secrets ({@code tessera.keys.accepted-encryption-keys}) still
 * decrypt, never encrypt, and {@link #reseal} moves a value under the current one (docs/operations.md).
 */
public final class KeyEncryptor {
    private static final String FORMAT = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int PBKDF2_ITERATIONS = 310_000;
    private static final byte[] PBKDF2_SALT = "tessera-key-encryption-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey kek;
    private final List<SecretKey> accepted;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryptor(KeyEncryptionSecret secret) {
        this.kek = derive(secret.value());
        this.accepted = secret.accepted().stream().map(KeyEncryptor::derive).toList();
    }

    /** True when earlier secrets are configured, so stored values may need {@link #reseal}. */
    public boolean acceptsEarlierSecrets() {
        return !accepted.isEmpty();
    }

    public String encrypt(String kid, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return FORMAT + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws KeyDecryptionException when neither the secret nor an accepted earlier one encrypted the value */
    public String decrypt(String kid, String ciphertext) {
        byte[] in = unwrap(kid, ciphertext);
        try {
            return open(kek, kid, in);
        } catch (GeneralSecurityException e) {
            for (SecretKey earlier : accepted) {
                try {
                    return open(earlier, kid, in);
                } catch (GeneralSecurityException notThisOne) {
                    // try the next accepted secret
                }
            }
            throw new KeyDecryptionException(kid, "wrong key-encryption secret or tampered data");
        }
    }

    /**
     * The value encrypted under the current secret when an accepted earlier secret encrypted it; empty when it is
     * already under the current one.
     *
     * @throws KeyDecryptionException when no configured secret decrypts it
     */
    public Optional<String> reseal(String kid, String ciphertext) {
        byte[] in = unwrap(kid, ciphertext);
        try {
            open(kek, kid, in);
            return Optional.empty();
        } catch (GeneralSecurityException underAnEarlierSecret) {
            return Optional.of(encrypt(kid, decrypt(kid, ciphertext)));
        }
    }

    private static byte[] unwrap(String kid, String ciphertext) {
        if (!ciphertext.startsWith(FORMAT)) {
            throw new KeyDecryptionException(kid, "unknown format");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(ciphertext.substring(FORMAT.length()));
            if (in.length <= IV_BYTES) {
                throw new KeyDecryptionException(kid, "truncated value");
            }
            return in;
        } catch (IllegalArgumentException e) {
            throw new KeyDecryptionException(kid, "not base64url");
        }
    }

    private static String open(SecretKey key, String kid, byte[] in) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static SecretKey derive(String secret) {
        try {
            byte[] raw = Base64.getDecoder().decode(secret);
            if (raw.length == 32) {
                return new SecretKeySpec(raw, "AES");
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase: derived below
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), PBKDF2_SALT, PBKDF2_ITERATIONS, 256);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
