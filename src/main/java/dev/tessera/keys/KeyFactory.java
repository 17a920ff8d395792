package dev.tessera.keys;

import dev.tessera.config.KeySettings;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;

/** Makes new signing keys: generated, labelled with kid, use and alg, private part encrypted. */
final class KeyFactory {
    private final KeySettings settings;
    private final KeyEncryptor encryptor;
    private final SecureRandom random = new SecureRandom();

    KeyFactory(KeySettings settings, KeyEncryptor encryptor) {
        this.settings = settings;
        this.encryptor = encryptor;
    }

    SigningKey create(SigningAlgorithm algorithm, Instant activatesAt, Instant now) {
        PublicJsonWebKey jwk = algorithm.generate(settings.rsaSize());
        String kid = newKid(algorithm);
        jwk.setKeyId(kid);
        jwk.setUse(Use.SIGNATURE);
        jwk.setAlgorithm(algorithm.jwsName());
        String publicJson = jwk.toJson(OutputControlLevel.PUBLIC_ONLY);
        String privateJson = encryptor.encrypt(kid, jwk.toJson(OutputControlLevel.INCLUDE_PRIVATE));
        return new SigningKey(kid, algorithm, publicJson, privateJson, now, activatesAt);
    }

    /** Distinct across algorithms and nodes: 96 random bits behind a readable prefix. */
    private String newKid(SigningAlgorithm algorithm) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return algorithm.jwsName().toLowerCase(Locale.ROOT) + "-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
