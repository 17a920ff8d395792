package dev.tessera.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.JsonParsing;
import java.io.StringReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tessera's series by their Prometheus names, with bounded client labels. */
class TesseraMetricsTest {
    final Meters meters = new Meters();
    final TesseraMetrics metrics = new TesseraMetrics();

    TesseraMetricsTest() {
        meters.settings = new MetricsSettings();
        meters.start();
        metrics.meters = meters;
        metrics.settings = new MetricsSettings();
        metrics.settings.clientLabelLimit = 2;
        metrics.register();
    }

    @AfterEach
    void close() {
        meters.stop();
    }

    @Test
    void tokensAreCountedByGrantClientAndOutcomeAndErrorsByCode() {
        long start = System.nanoTime();
        metrics.tokenAnswered("client_credentials", "a", null, start);
        metrics.tokenAnswered("client_credentials", "a", null, start);
        metrics.tokenAnswered(null, null, "invalid_client", start);

        String text = meters.scrape("");
        assertThat(text).contains("tessera_token_requests_total{client=\"a\",grant=\"client_credentials\",outcome=\"issued\"} 2.0",
                "tessera_token_requests_total{client=\"_none\",grant=\"_none\",outcome=\"error\"} 1.0",
                "tessera_token_errors_total{error=\"invalid_client\"} 1.0",
                "tessera_token_request_seconds_count{grant=\"client_credentials\"} 2");
        assertThat(text).contains("jvm_memory_used_bytes", "process_uptime_seconds");
    }

    @Test
    void clientsBeyondTheLimitShareOneSeries() {
        for (String client : new String[] {"a", "b", "c", "d", "a"}) {
            metrics.tokenAnswered("client_credentials", client, null, System.nanoTime());
        }

        String text = meters.scrape("");
        assertThat(text).contains("client=\"a\"", "client=\"b\"").doesNotContain("client=\"c\"", "client=\"d\"")
                .contains("tessera_token_requests_total{client=\"_other\",grant=\"client_credentials\",outcome=\"issued\"} 2.0",
                        "tessera_token_requests_total{client=\"a\",grant=\"client_credentials\",outcome=\"issued\"} 2.0");
    }

    @Test
    void signInsAreCountedByStoreAndOutcome() {
        metrics.signIn("local", "success");
        metrics.signIn("_none", "throttled");

        assertThat(meters.scrape("")).contains("tessera_sign_ins_total{outcome=\"success\",store=\"local\"} 1.0",
                "tessera_sign_ins_total{outcome=\"throttled\",store=\"_none\"} 1.0");
    }

    @Test
    void openMetricsWhenAskedFor() {
        assertThat(meters.scrape("application/openmetrics-text; version=1.0.0")).endsWith("# EOF\n");
    }

    @Test
    void theCountingGuardsCountersExistOnlyWhenSwitchedOnAndCountEveryJsonReader() throws Exception {
        assertThat(meters.scrape("")).doesNotContain("tessera_diagnostics");
        Meters counting = new Meters();
        counting.settings = new MetricsSettings();
        counting.settings.counting = true;
        counting.start();
        try {
            long before = JsonParsing.parsersCreated();
            JsonFactories.READERS.createReader(new StringReader("{}")).readObject();
            JsonFactories.STRICT_READERS.createReader(new StringReader("{}")).readObject();
            JsonParsing.parse("{\"a\":1}");
            assertThat(JsonParsing.parsersCreated() - before).isEqualTo(3);
            assertThat(counting.scrape("")).contains("tessera_diagnostics_json_parsers_total ", "tessera_diagnostics_db_statements_total 0.0");
        } finally {
            counting.stop();
        }
    }
}
