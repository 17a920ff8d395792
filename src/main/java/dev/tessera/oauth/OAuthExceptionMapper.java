package dev.tessera.oauth;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a protocol failure as the RFC 6749 §5.2 JSON error, with the status its code carries. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {
    private static final Logger LOG = Logger.getLogger(OAuthExceptionMapper.class.getName());

    @Override
    public Response toResponse(OAuthException exception) {
        if (exception.logDetail() != null) {
            LOG.log(Level.FINE, "{0}: {1}", new Object[] {exception.error().code(), exception.logDetail()});
        }
        Response.ResponseBuilder response = ErrorResponses.builder(exception.error(), exception.description());
        exception.headers().forEach(response::header);
        return response.build();
    }
}
