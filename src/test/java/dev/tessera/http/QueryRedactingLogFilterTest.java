package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class QueryRedactingLogFilterTest {

    @Test
    void jerseysFormWarningKeepsThePathAndLosesTheQuery() {
        // The record Jersey's WebComponent writes (its form.param.consumed message, already formatted).
        LogRecord record = new LogRecord(Level.WARNING, "A servlet request to the URI http://localhost:8080/token?client_id=x&client_secret=S3cr3t"
                + " contains form parameters in the request body but the request body has been consumed by the servlet or a servlet"
                + " filter accessing the request parameters.");

        assertThat(new QueryRedactingLogFilter(null).isLoggable(record)).isTrue();

        assertThat(record.getMessage()).doesNotContain("S3cr3t", "client_id")
                .contains("http://localhost:8080/token?(query withheld) contains form parameters");
    }

    @Test
    void parametersLoseTheirQueryTooAndOtherValuesStay() {
        LogRecord record = new LogRecord(Level.WARNING, "{0} {1} {2}");
        record.setParameters(new Object[] {URI.create("http://h/revoke?token=T0k3n#f"), "/p?password=pw", 42});

        new QueryRedactingLogFilter(null).isLoggable(record);

        assertThat(record.getParameters()).containsExactly("http://h/revoke?(query withheld)#f", "/p?(query withheld)", 42);
    }

    @Test
    void thePreviousFilterStillDecides() {
        LogRecord record = new LogRecord(Level.INFO, "no query here");

        assertThat(new QueryRedactingLogFilter(r -> false).isLoggable(record)).isFalse();
        assertThat(record.getMessage()).isEqualTo("no query here");
    }
}
