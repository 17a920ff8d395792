package dev.tessera.oauth;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own rejections (no such path, wrong method, unreadable body, wrong
 * content type) into the JSON error shape, so a caller never sees the container's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        if (status >= 500) {
            return CatchAllExceptionMapper.serverError(exception);
        }
        if (status < 400) {
            // A redirect or other non-error answer thrown as an exception passes through unchanged.
            return exception.getResponse();
        }
        OAuthError error = OAuthError.forHttpStatus(status);
        Response.ResponseBuilder builder = ErrorResponses.builder(error, describe(error));
        if (exception instanceof NotAllowedException) {
            builder.header(HttpHeaders.ALLOW, exception.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    /** Fixed texts: the runtime's own messages can echo request data or class names. */
    static String describe(OAuthError error) {
        return switch (error) {
            case NOT_FOUND -> "No endpoint at this path";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept this HTTP method; see the Allow header";
            case NOT_ACCEPTABLE -> "This endpoint cannot answer in any media type the Accept header allows";
            case UNSUPPORTED_MEDIA_TYPE -> "This endpoint does not accept a body of this Content-Type";
            case REQUEST_TOO_LARGE -> "The request body is larger than this server accepts";
            default -> "The request could not be understood";
        };
    }
}
