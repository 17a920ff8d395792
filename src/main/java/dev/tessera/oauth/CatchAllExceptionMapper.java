package dev.tessera.oauth;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: any exception no other mapper claimed is logged with a reference and answered with
 * a bare {@code server_error}, never with a stack trace. A body that was cut off by the size limit, or
 * whose Content-Type names a charset this JVM does not know, is recognised on the way, since the JAX-RS
 * runtime wraps the reader's exception.
 */
@Provider
public class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(CatchAllExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        int depth = 0;
        for (Throwable t = exception; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof RequestTooLargeException) {
                return ErrorResponses.of(OAuthError.REQUEST_TOO_LARGE,
                        WebApplicationExceptionMapper.describe(OAuthError.REQUEST_TOO_LARGE));
            }
            if (t instanceof OAuthException oauth) {
                return new OAuthExceptionMapper().toResponse(oauth);
            }
            if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
                // The JAX-RS runtime decodes a body in the charset its Content-Type names: the client's fault.
                return ErrorResponses.of(OAuthError.INVALID_REQUEST,
                        "The charset of the request's Content-Type is not supported; send UTF-8");
            }
        }
        return serverError(exception);
    }

    static Response serverError(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, reference " + reference, exception);
        return ErrorResponses.of(OAuthError.SERVER_ERROR, "Internal error, reference " + reference);
    }
}
