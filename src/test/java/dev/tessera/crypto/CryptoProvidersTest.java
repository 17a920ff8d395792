package dev.tessera.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Installing the native provider, and every way of falling back to the JDK's. The JCA provider list is
 * JVM-wide, so each test puts it back as it found it.
 */
class CryptoProvidersTest {
    private static final ClassLoader LOADER = CryptoProvidersTest.class.getClassLoader();
    private final Provider[] before = Security.getProviders();

    @AfterEach
    void restoreProviders() {
        for (Provider p : Security.getProviders()) {
            if (Arrays.stream(before).noneMatch(b -> b == p)) {
                Security.removeProvider(p.getName());
            }
        }
    }

    @Test
    void withoutTheJarTheJdkServesAndSaysWhy() {
        CryptoStatus status = CryptoProviders.install("com.example.NoSuchProvider", LOADER, "auto");

        assertThat(status.nativeProvider()).isFalse();
        assertThat(status.provider()).isEqualTo(before[0].getName());
        assertThat(status.describe()).endsWith("(JDK; the native provider is not on the class path)");
        assertThat(Security.getProviders()).containsExactly(before);
    }

    @Test
    void aProviderFailingItsSelfTestIsNotInstalled() {
        CryptoStatus status = CryptoProviders.install(Unhealthy.class.getName(), LOADER, "auto");

        assertThat(status.nativeProvider()).isFalse();
        assertThat(status.reason()).isEqualTo("the native provider failed its self-test: java.lang.IllegalStateException: no native library");
        assertThat(Security.getProvider(Unhealthy.NAME)).isNull();
    }

    @Test
    void aClassThatIsNoProviderIsNotInstalled() {
        CryptoStatus status = CryptoProviders.install(String.class.getName(), LOADER, "auto");

        assertThat(status.reason()).startsWith("the native provider could not be loaded: java.lang.NoSuchFieldException: INSTANCE");
    }

    @Test
    void aHealthyProviderGoesFirstAndOffKeepsItOut() {
        assertThat(CryptoProviders.install(Healthy.class.getName(), LOADER, "off").reason())
                .isEqualTo("the native provider is switched off (tessera.crypto.native=off)");
        assertThat(Security.getProvider(Healthy.NAME)).isNull();

        CryptoStatus status = CryptoProviders.install(Healthy.class.getName(), LOADER, "auto");

        assertThat(status).isEqualTo(new CryptoStatus(Healthy.NAME, "1.0", true, null));
        assertThat(Security.getProviders()[0]).isSameAs(Healthy.INSTANCE);
        assertThat(CryptoProviders.install(Healthy.class.getName(), LOADER, "auto").nativeProvider())
                .as("installing twice is harmless").isTrue();
        assertThat(Arrays.stream(Security.getProviders()).filter(p -> p == Healthy.INSTANCE)).hasSize(1);
    }

    /** The real thing, where its native library exists for this platform (Linux x86_64 and aarch64). */
    @Test
    void theCorrettoProviderSignsHashesAndDrawsRandomNumbersForEveryone() throws Exception {
        assumeTrue(available(CryptoProviders.NATIVE_CLASS), "the native provider is not on the test class path here");

        CryptoStatus status = CryptoProviders.install(CryptoProviders.NATIVE_CLASS, LOADER, "auto");

        assertThat(status.nativeProvider()).isTrue();
        assertThat(status.provider()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName()).isEqualTo(status.provider());
        assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo(status.provider());
        assertThat(new SecureRandom().getProvider().getName()).isEqualTo(status.provider());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initVerify(pair.getPublic());
        jdk.update(data);
        assertThat(signer.getProvider().getName()).isEqualTo(status.provider());
        assertThat(jdk.verify(signer.sign())).as("a native signature over a JDK key verifies with the JDK").isTrue();
    }

    private static boolean available(String className) {
        try {
            Class.forName(className, false, LOADER);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Shaped like the Corretto provider: a static INSTANCE and assertHealthy(). */
    public static final class Healthy extends Provider {
        static final String NAME = "TesseraTestHealthy";
        public static final Healthy INSTANCE = new Healthy();

        private Healthy() {
            super(NAME, "1.0", "test provider");
        }

        public void assertHealthy() {
            // healthy
        }
    }

    public static final class Unhealthy extends Provider {
        static final String NAME = "TesseraTestUnhealthy";
        public static final Unhealthy INSTANCE = new Unhealthy();

        private Unhealthy() {
            super(NAME, "1.0", "test provider");
        }

        public void assertHealthy() {
            throw new IllegalStateException("no native library");
        }
    }
}
