package dev.tessera.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupChecksTest {
    private static final KeyEncryptionSecret CONFIGURED = new KeyEncryptionSecret("a long random configured value", false);

    @ParameterizedTest
    @ValueSource(strings = {"http://sso.example.com", "http://10.0.0.5:8080", "http://0.0.0.0:8080",
        "http://127.example.com"})
    void aPlainHttpIssuerOnARealHostIsWarnedAbout(String url) {
        List<String> warnings = StartupChecks.warnings(new Issuer(url), CONFIGURED);

        assertThat(warnings).singleElement().asString()
                .contains(new Issuer(url).url()).contains(ConfigKeys.ISSUER).contains("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sso.example.com", "http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]"})
    void httpsAndLoopbackIssuersAreNotWarnedAbout(String url) {
        assertThat(StartupChecks.warnings(new Issuer(url), CONFIGURED)).isEmpty();
    }

    @Test
    void theDevelopmentSecretIsWarnedAbout() {
        List<String> warnings = StartupChecks.warnings(new Issuer("https://sso.example.com"),
                KeyEncryptionSecret.developmentDefault());

        assertThat(warnings).singleElement().asString()
                .contains("DEVELOPMENT").contains(ConfigKeys.KEYS_ENCRYPTION_KEY);
    }

    @Test
    void bothProblemsAreReportedTogether() {
        assertThat(StartupChecks.warnings(new Issuer("http://sso.example.com"), KeyEncryptionSecret.developmentDefault()))
                .hasSize(2);
    }

    @Test
    void theSecretValueIsNeverPrinted() {
        assertThat(CONFIGURED.toString()).doesNotContain("random").isEqualTo("KeyEncryptionSecret[configured]");
        assertThat(KeyEncryptionSecret.developmentDefault().toString()).isEqualTo("KeyEncryptionSecret[development]");
        assertThat(KeyEncryptionSecret.developmentDefault().development()).isTrue();
    }
}
