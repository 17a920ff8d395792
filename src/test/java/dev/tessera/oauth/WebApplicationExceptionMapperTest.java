package dev.tessera.oauth;

import static dev.tessera.oauth.ErrorBodyTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebApplicationExceptionMapperTest {
    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    @Test
    void notFoundIsA404JsonErrorThatIsNeverCached() {
        Response response = mapper.toResponse(new NotFoundException("HTTP 404 Not Found: /secret?token=abc"));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(response.getHeaderString("Pragma")).isEqualTo("no-cache");
        JsonObject body = parse((String) response.getEntity());
        assertThat(body.getString("error")).isEqualTo("not_found");
        assertThat(body.getString("error_description")).isEqualTo("No endpoint at this path");
        assertThat(response.getEntity().toString()).doesNotContain("token=abc");
    }

    @Test
    void methodNotAllowedKeepsTheAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("GET", new String[] {"HEAD"}));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("GET").contains("HEAD");
        assertThat(parse((String) response.getEntity()).getString("error")).isEqualTo("method_not_allowed");
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }

    @Test
    void otherClientErrorsGetTheirCodeAndAFixedDescription() {
        Response unsupported = mapper.toResponse(new NotSupportedException("Content-Type text/x-evil<script>"));
        Response unreadable = mapper.toResponse(new BadRequestException("Unrecognized field \"password\""));

        assertThat(unsupported.getStatus()).isEqualTo(415);
        assertThat(parse((String) unsupported.getEntity()).getString("error")).isEqualTo("unsupported_media_type");
        assertThat(unsupported.getEntity().toString()).doesNotContain("evil");
        assertThat(unreadable.getStatus()).isEqualTo(400);
        JsonObject body = parse((String) unreadable.getEntity());
        assertThat(body.getString("error")).isEqualTo("invalid_request");
        assertThat(body.getString("error_description")).isEqualTo("The request could not be understood");
    }

    @Test
    void serverErrorsAreABareServerErrorThatLeaksNothing() {
        try (CapturedLog log = new CapturedLog(CatchAllExceptionMapper.class)) {
            for (WebApplicationException e : new WebApplicationException[] {
                    new InternalServerErrorException("jdbc:postgresql://db/tessera password=hunter2"),
                    new WebApplicationException("upstream said hunter2", 502),
                    new WebApplicationException("gateway hunter2 timed out", 504)}) {
                Response response = mapper.toResponse(e);

                assertThat(response.getStatus()).isEqualTo(500);
                JsonObject body = parse((String) response.getEntity());
                assertThat(body.getString("error")).isEqualTo("server_error");
                assertThat(body.getString("error_description")).doesNotContain("hunter2");
                assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
            }
            assertThat(log.records).hasSize(3).allSatisfy(r -> assertThat(r.getThrown()).isNotNull());
        }
    }

    @Test
    void aRedirectThrownAsAnExceptionPassesThroughUnchanged() {
        URI target = URI.create("https://client.example.com/cb?code=x");
        RedirectionException redirect = new RedirectionException(Response.Status.SEE_OTHER, target);

        Response response = mapper.toResponse(redirect);

        assertThat(response).isSameAs(redirect.getResponse());
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).isEqualTo(target);
    }
}
