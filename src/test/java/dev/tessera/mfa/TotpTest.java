package dev.tessera.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B: every test vector, through the wrapper the server uses. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082, HmacSHA1", "59, 46119246, HmacSHA256", "59, 90693936, HmacSHA512",
        "1111111109, 07081804, HmacSHA1", "1111111109, 68084774, HmacSHA256", "1111111109, 25091201, HmacSHA512",
        "1111111111, 14050471, HmacSHA1", "1111111111, 67062674, HmacSHA256", "1111111111, 99943326, HmacSHA512",
        "1234567890, 89005924, HmacSHA1", "1234567890, 91819424, HmacSHA256", "1234567890, 93441116, HmacSHA512",
        "2000000000, 69279037, HmacSHA1", "2000000000, 90698825, HmacSHA256", "2000000000, 38618901, HmacSHA512",
        "20000000000, 65353130, HmacSHA1", "20000000000, 77737706, HmacSHA256", "20000000000, 47863826, HmacSHA512"})
    void rfc6238Vectors(long time, String expected, String algorithm) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA1" -> SHA1_SEED;
            case "HmacSHA256" -> SHA256_SEED;
            default -> SHA512_SEED;
        };
        Totp totp = new Totp(8, algorithm);
        Instant at = Instant.ofEpochSecond(time);
        assertThat(totp.code(seed, Totp.stepAt(at))).isEqualTo(expected);
        assertThat(totp.matchingStep(seed, expected, at)).hasValue(Totp.stepAt(at));
    }

    @Test
    void acceptsOneStepEitherSideAndNoMore() {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        long step = Totp.stepAt(now);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now)).isEqualTo(OptionalLong.empty());
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 2), now)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void refusesMalformedCodes() {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        assertThat(totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, "12345a", now)).isEmpty();
        assertThat(totp.code(SHA1_SEED, 1)).hasSize(Totp.DIGITS);
    }

    @Test
    void base32FollowsRfc4648AndRoundTrips() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("mzxw 6ytb oi=="), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        byte[] secret = new byte[20];
        new java.util.Random(7).nextBytes(secret);
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
        assertThat(Base32.encode(secret)).hasSize(32);
    }

    @Test
    void qrCodeIsAnSvgDataUrl() {
        String url = QrCodes.svgDataUrl("otpauth://totp/sso.example.com:alice?secret=MZXW6YTBOI&issuer=sso.example.com");
        assertThat(url).startsWith("data:image/svg+xml;base64,");
        String svg = new String(java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<path");
    }
}
