package dev.tessera.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomIsBase64UrlWithoutPaddingOfTheRequestedLength() {
        for (int bytes : new int[] {1, 16, 31, 32, 33, 64}) {
            String value = Secrets.random(bytes);
            assertThat(value).matches("[A-Za-z0-9_-]+").doesNotContain("=");
            assertThat(Base64.getUrlDecoder().decode(value)).hasSize(bytes);
        }
        assertThat(Secrets.random(32)).hasSize(43);
    }

    @Test
    void randomValuesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Secrets.random(16))).isTrue();
        }
    }

    @Test
    void randomBytesLookUniform() {
        // 4096 random bytes: each of the 8 bit positions is set about half the time; a broken generator
        // (constant, zero-filled, or counting) fails by a wide margin.
        byte[] raw = Base64.getUrlDecoder().decode(Secrets.random(4096));
        for (int bit = 0; bit < 8; bit++) {
            int ones = 0;
            for (byte b : raw) {
                ones += (b >> bit) & 1;
            }
            assertThat(ones).as("bit %d", bit).isBetween(1800, 2296);
        }
        assertThat(new HashSet<>(java.util.stream.IntStream.range(0, raw.length).mapToObj(i -> raw[i]).toList()))
                .hasSizeGreaterThan(250);
    }

    @Test
    void sha256HexMatchesKnownVectors() {
        assertThat(Secrets.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Secrets.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // UTF-8, not the platform charset: "é" is C3 A9.
        assertThat(Secrets.sha256Hex("\u00e9")).isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void sha256HexIsStableAcrossCalls() {
        String a = Secrets.sha256Hex("secret");
        Secrets.sha256Hex("something else");
        assertThat(Secrets.sha256Hex("secret")).isEqualTo(a).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void constantTimeEqualsComparesValues() {
        assertThat(Secrets.constantTimeEquals("abc", new String("abc"))).isTrue();
        assertThat(Secrets.constantTimeEquals("", "")).isTrue();
        assertThat(Secrets.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Secrets.constantTimeEquals("abc", "ab")).isFalse();
        assertThat(Secrets.constantTimeEquals("abc", "ABC")).isFalse();
        assertThat(Secrets.constantTimeEquals(null, "abc")).isFalse();
        assertThat(Secrets.constantTimeEquals("abc", null)).isFalse();
        assertThat(Secrets.constantTimeEquals(null, null)).isFalse();
    }
}
