package dev.tessera.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.KeyEncryptionSecret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyEncryptorTest {
    private static final String PLAINTEXT = "{\"kty\":\"EC\",\"d\":\"private-part\"}";
    private final String secret = TestKeys.randomSecret();
    private final KeyEncryptor encryptor = TestKeys.encryptor(secret);

    @Test
    void roundTrips() {
        String sealed = encryptor.encrypt("kid-1", PLAINTEXT);

        assertThat(sealed).startsWith("v1.").doesNotContain("private-part");
        assertThat(encryptor.decrypt("kid-1", sealed)).isEqualTo(PLAINTEXT);
        assertThat(TestKeys.encryptor(secret).decrypt("kid-1", sealed)).as("another instance, same secret")
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void eachEncryptionUsesAFreshIv() {
        String first = encryptor.encrypt("kid-1", PLAINTEXT);
        String second = encryptor.encrypt("kid-1", PLAINTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(payload(first), 12)).isNotEqualTo(Arrays.copyOf(payload(second), 12));
        assertThat(encryptor.decrypt("kid-1", second)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aWrongSecretIsReportedAsKeyDecryptionException() {
        String sealed = encryptor.encrypt("kid-1", PLAINTEXT);

        assertThatThrownBy(() -> TestKeys.encryptor(TestKeys.randomSecret()).decrypt("kid-1", sealed))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("kid-1")
                .hasMessageContaining("tessera.keys.encryption-key");
    }

    @Test
    void aCiphertextMovedToAnotherKidFailsBecauseTheKidIsAssociatedData() {
        String sealed = encryptor.encrypt("kid-1", PLAINTEXT);

        assertThatThrownBy(() -> encryptor.decrypt("kid-2", sealed)).isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void tamperedOrForeignDataIsReportedAsKeyDecryptionException() {
        byte[] bytes = payload(encryptor.encrypt("kid-1", PLAINTEXT));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> encryptor.decrypt("kid-1", tampered)).isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> encryptor.decrypt("kid-1", PLAINTEXT)).isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("unknown format");
    }

    @Test
    void corruptStoredDataIsReportedAsKeyDecryptionExceptionToo() {
        // KeyRing only survives a bad row if every failure is a KeyDecryptionException.
        assertThatThrownBy(() -> encryptor.decrypt("kid-1", "v1.not*base64url"))
                .isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> encryptor.decrypt("kid-1", "v1.AAAA")).isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void whileTheSecretChangesAnAcceptedEarlierSecretStillDecryptsButNeverEncrypts() {
        String earlier = TestKeys.randomSecret();
        String sealedEarlier = TestKeys.encryptor(earlier).encrypt("kid-1", PLAINTEXT);
        KeyEncryptor changing = new KeyEncryptor(new KeyEncryptionSecret(secret, false, List.of(earlier)));

        assertThat(changing.acceptsEarlierSecrets()).isTrue();
        assertThat(changing.decrypt("kid-1", sealedEarlier)).isEqualTo(PLAINTEXT);
        String fresh = changing.encrypt("kid-1", PLAINTEXT);
        assertThat(encryptor.decrypt("kid-1", fresh)).as("new values are under the current secret").isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> TestKeys.encryptor(earlier).decrypt("kid-1", fresh)).isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> encryptor.decrypt("kid-1", sealedEarlier)).as("without the earlier secret accepted")
                .isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void resealMovesAValueFromAnEarlierSecretToTheCurrentOneAndLeavesCurrentValuesAlone() {
        String earlier = TestKeys.randomSecret();
        String sealedEarlier = TestKeys.encryptor(earlier).encrypt("kid-1", PLAINTEXT);
        KeyEncryptor changing = new KeyEncryptor(new KeyEncryptionSecret(secret, false, List.of(TestKeys.randomSecret(), earlier)));

        String moved = changing.reseal("kid-1", sealedEarlier).orElseThrow();

        assertThat(encryptor.decrypt("kid-1", moved)).isEqualTo(PLAINTEXT);
        assertThat(changing.reseal("kid-1", moved)).isEmpty();
        assertThat(changing.reseal("kid-1", encryptor.encrypt("kid-1", PLAINTEXT))).isEmpty();
        assertThatThrownBy(() -> changing.reseal("kid-1", TestKeys.encryptor(TestKeys.randomSecret()).encrypt("kid-1", PLAINTEXT)))
                .isInstanceOf(KeyDecryptionException.class);
        assertThat(encryptor.acceptsEarlierSecrets()).isFalse();
    }

    @Test
    void theSecretsNeverShowInTheSettingsToString() {
        String earlier = TestKeys.randomSecret();
        KeyEncryptionSecret settings = new KeyEncryptionSecret(secret, false, List.of(earlier));

        assertThat(settings.toString()).doesNotContain(secret, earlier).contains("1 accepted");
    }

    @Test
    void aBase64SecretOf32BytesIsTheAesKeyItself() throws Exception {
        byte[] kek = Base64.getDecoder().decode(secret);

        String sealed = encryptor.encrypt("kid-1", PLAINTEXT);

        assertThat(aesGcmDecrypt(kek, "kid-1", sealed)).isEqualTo(PLAINTEXT);
    }

    @Test
    void anyOtherSecretIsAPassphraseStretchedWithPbkdf2() throws Exception {
        // Pinned on purpose: keys already stored must stay readable after an upgrade.
        String passphrase = "correct horse battery staple";
        String sealed = TestKeys.encryptor(passphrase).encrypt("kid-1", PLAINTEXT);

        assertThat(aesGcmDecrypt(pbkdf2(passphrase), "kid-1", sealed)).isEqualTo(PLAINTEXT);
    }

    @Test
    void base64OfAnotherLengthIsAlsoTreatedAsAPassphrase() throws Exception {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        String sealed = TestKeys.encryptor(sixteenBytes).encrypt("kid-1", PLAINTEXT);

        assertThat(aesGcmDecrypt(pbkdf2(sixteenBytes), "kid-1", sealed)).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> aesGcmDecrypt(new byte[32], "kid-1", sealed)).isInstanceOf(Exception.class);
    }

    private static byte[] payload(String sealed) {
        return Base64.getUrlDecoder().decode(sealed.substring("v1.".length()));
    }

    private static String aesGcmDecrypt(byte[] key, String kid, String sealed) throws Exception {
        byte[] in = payload(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    }

    private static byte[] pbkdf2(String passphrase) throws Exception {
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(),
                "tessera-key-encryption-v1".getBytes(StandardCharsets.US_ASCII), 310_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }
}
