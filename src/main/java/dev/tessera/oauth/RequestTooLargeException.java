package dev.tessera.oauth;

import java.io.IOException;

/**
 * Raised by the bounded request stream when a body exceeds {@code tessera.http.max-body-bytes}.
 * An {@link IOException} so it travels through any body reader unchanged.
 */
public class RequestTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
