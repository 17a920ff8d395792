package dev.tessera.oauth;

import static dev.tessera.oauth.ErrorBodyTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class CatchAllExceptionMapperTest {
    private final CatchAllExceptionMapper mapper = new CatchAllExceptionMapper();

    @Test
    void aBodyTooLargeDeepInTheCauseChainIsA413() {
        Throwable wrapped = new ProcessingException("Error reading entity",
                new UncheckedIOException(new RequestTooLargeException(65_536)));

        Response response = mapper.toResponse(wrapped);

        assertThat(response.getStatus()).isEqualTo(413);
        JsonObject body = parse((String) response.getEntity());
        assertThat(body.getString("error")).isEqualTo("request_too_large");
        assertThat(body.getString("error_description")).doesNotContain("65536");
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }

    @Test
    void anOAuthExceptionInTheCauseChainKeepsItsCodeAndStatus() {
        Throwable wrapped = new RuntimeException("wrapper",
                new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed", "secret mismatch"));

        Response response = mapper.toResponse(wrapped);

        assertThat(response.getStatus()).isEqualTo(401);
        JsonObject body = parse((String) response.getEntity());
        assertThat(body.getString("error")).isEqualTo("invalid_client");
        assertThat(body.getString("error_description")).isEqualTo("Client authentication failed");
        assertThat(response.getEntity().toString()).doesNotContain("secret mismatch");
    }

    @Test
    void anyOtherExceptionIsA500ServerErrorWithoutItsMessage() {
        try (CapturedLog log = new CapturedLog(CatchAllExceptionMapper.class)) {
            RuntimeException failure = new IllegalStateException("SELECT * FROM users WHERE name='admin'",
                    new NullPointerException("Cannot invoke String.length()"));

            Response response = mapper.toResponse(failure);

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
            JsonObject body = parse((String) response.getEntity());
            assertThat(body.keySet()).containsExactly("error", "error_description");
            assertThat(body.getString("error")).isEqualTo("server_error");
            String description = body.getString("error_description");
            assertThat(description).doesNotContain("SELECT", "users", "IllegalState", "String.length", "at dev.");

            // The log carries the stack trace under the reference the client was given.
            String reference = description.replaceFirst(".*reference ", "");
            assertThat(reference).matches("[0-9a-f-]{36}");
            LogRecord record = log.records.get(0);
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getMessage()).contains(reference);
            assertThat(record.getThrown()).isSameAs(failure);
        }
    }

    @Test
    void eachServerErrorGetsItsOwnReference() {
        try (CapturedLog log = new CapturedLog(CatchAllExceptionMapper.class)) {
            String first = parse((String) mapper.toResponse(new RuntimeException()).getEntity()).getString("error_description");
            String second = parse((String) mapper.toResponse(new Error("boom")).getEntity()).getString("error_description");

            assertThat(first).isNotEqualTo(second);
            assertThat(log.records).hasSize(2);
        }
    }

    @Test
    void theOAuthExceptionMapperWritesTheDescriptionButNotTheLogDetail() {
        Response response = new OAuthExceptionMapper().toResponse(
                new OAuthException(OAuthError.INVALID_SCOPE, "Scope \"admin\" is not allowed", "user 42 is not staff"));

        assertThat(response.getStatus()).isEqualTo(400);
        JsonObject body = parse((String) response.getEntity());
        assertThat(body.getString("error")).isEqualTo("invalid_scope");
        assertThat(body.getString("error_description")).isEqualTo("Scope ?admin? is not allowed");
        assertThat(response.getEntity().toString()).doesNotContain("user 42");
    }
}
