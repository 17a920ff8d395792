package dev.tessera.oauth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds JAX-RS error responses in the one shape every endpoint answers with. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static Response of(OAuthError error, String description) {
        return builder(error, description).build();
    }

    public static Response.ResponseBuilder builder(OAuthError error, String description) {
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, ErrorBody.NO_STORE)
                .header("Pragma", "no-cache")
                .entity(ErrorBody.json(error, description));
    }
}
