package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogLinesTest {
    private final JsonLogLines formatter = new JsonLogLines();

    @Test
    void aRecordIsOneLineOfJsonWithItsMessageFormatted() {
        LogRecord record = new LogRecord(Level.WARNING, "Client {0} said \"hi\"\nand left");
        record.setLoggerName("dev.tessera.x");
        record.setParameters(new Object[] {"c1"});

        String line = formatter.format(record);

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonObject json = parse(line);
        assertThat(json.getString("message")).isEqualTo("Client c1 said \"hi\"\nand left");
        assertThat(json.getString("level")).isEqualTo("WARNING");
        assertThat(json.getString("logger")).isEqualTo("dev.tessera.x");
        assertThat(json.containsKey("requestId")).isFalse();
        assertThat(json.getString("time")).endsWith("Z");
    }

    @Test
    void theRequestIdStampedWhilePublishingBecomesAFieldAndLeavesTheMessageAlone() {
        LogRecord record = new LogRecord(Level.INFO, "Client {0} done");
        record.setParameters(new Object[] {"c1"});
        LogRecord plain = new LogRecord(Level.INFO, "no parameters");

        RequestIdStamp.stamp(record, "abc123");
        RequestIdStamp.stamp(record, "second-handler");
        RequestIdStamp.stamp(plain, "abc123");

        assertThat(parse(formatter.format(record)).getString("requestId")).isEqualTo("abc123");
        assertThat(parse(formatter.format(record)).getString("message")).isEqualTo("Client c1 done");
        assertThat(parse(formatter.format(plain)).getString("message")).isEqualTo("no parameters");
        assertThat(record.getParameters()).hasSize(2);
    }

    @Test
    void anExceptionIsOneFieldWithItsWholeStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setThrown(new IllegalStateException("boom", new RuntimeException("cause")));

        JsonObject json = parse(formatter.format(record));

        assertThat(json.getString("exception")).contains("IllegalStateException: boom", "Caused by", "cause", "\tat ");
    }

    @Test
    void onlyATrustedProxyMayChooseTheRequestIdAndOnlyAPlainOne() {
        assertThat(RequestIds.chosen("nginx-42.a:b", true)).isEqualTo("nginx-42.a:b");
        assertThat(RequestIds.chosen("nginx-42", false)).isNotEqualTo("nginx-42").matches("[0-9a-f]{16}");
        assertThat(RequestIds.chosen("evil\"id\n", true)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.chosen("x".repeat(65), true)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.chosen(null, true)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.chosen(null, false)).isNotEqualTo(RequestIds.chosen(null, false));
    }

    private static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
