package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.tessera.mfa.Base32;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issue 20 in integration tests: enrolling an authenticator app on the account's security page as a person would
 * (reading the key the page shows as text), and computing its codes with java-otp, independently of the server.
 */
final class TotpSteps {
    private static final Pattern SECRET = Pattern.compile("<code id=\"totp-secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code></li>");

    /** What enrolment handed the person: the key and the recovery codes; remembers the last time step used. */
    static final class Enrolled {
        final byte[] secret;
        final List<String> recoveryCodes;
        private long lastStep;

        Enrolled(byte[] secret, List<String> recoveryCodes, long lastStep) {
            this.secret = secret;
            this.recoveryCodes = recoveryCodes;
            this.lastStep = lastStep;
        }

        /**
         * A code the server has not seen: the current step's, or (when that one was used) the next step's, which the
         * one-step window accepts; waits only when even that was used.
         */
        String nextCode() {
            long step = Math.max(step(Instant.now()), lastStep + 1);
            while (step > step(Instant.now()) + 1) {
                sleep();
            }
            lastStep = step;
            return code(secret, step);
        }

        /** The code used last, for a replay. */
        String lastCode() {
            return code(secret, lastStep);
        }

        private static void sleep() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private TotpSteps() {
    }

    /** Signs in to the account pages in {@code browser} and enrols an authenticator app. */
    static Enrolled enrol(Browser browser, String username) {
        HttpResponse<String> security = SignIn.login(browser, browser.follow(browser.get("/ui/account-security.xhtml")), username, SignIn.PASSWORD);
        assertThat(security.body()).contains("id=\"account-security-none\"", "id=\"totp-add\"");
        HttpResponse<String> shown = browser.submit(security, "totp-add", Map.of());
        assertThat(shown.body()).contains("id=\"totp-qr\"", "src=\"data:image/svg+xml;base64,");
        Matcher secretText = SECRET.matcher(shown.body());
        assertThat(secretText.find()).as(shown.body()).isTrue();
        byte[] secret = secretOf(shown);
        assertThat(secret).hasSize(20);
        long step = step(Instant.now());
        HttpResponse<String> wrong = browser.submit(shown, "totp-confirm", Map.of("totp-code", wrongCode(secret, step)));
        assertThat(wrong.body()).as("a wrong first code shows the same enrolment again").contains("class=\"error\"", secretText.group(1));
        HttpResponse<String> confirmed = browser.submit(wrong, "totp-confirm", Map.of("totp-code", code(secret, step)));
        List<String> codes = new ArrayList<>();
        Matcher recovery = RECOVERY.matcher(confirmed.body());
        while (recovery.find()) {
            codes.add(recovery.group(1));
        }
        assertThat(codes).as(confirmed.body()).hasSize(10).doesNotHaveDuplicates();
        assertThat(confirmed.body()).contains("id=\"account-factors\"", "id=\"totp-remove\"").doesNotContain("id=\"totp-add\"");
        return new Enrolled(secret, codes, step);
    }

    /** The key an enrolment page shows as text, decoded. */
    static byte[] secretOf(HttpResponse<String> page) {
        Matcher secretText = SECRET.matcher(page.body());
        assertThat(secretText.find()).as(page.body()).isTrue();
        return Base32.decode(secretText.group(1));
    }

    static long step(Instant at) {
        return at.getEpochSecond() / 30;
    }

    static String code(byte[] secret, long step) {
        try {
            TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);
            return String.format("%06d", totp.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * 30)));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A six-digit code that is none of the window's valid ones. */
    static String wrongCode(byte[] secret, long step) {
        List<String> valid = List.of(code(secret, step - 1), code(secret, step), code(secret, step + 1), code(secret, step + 2));
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", n * 7919 % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }
}
