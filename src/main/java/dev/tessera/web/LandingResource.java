package dev.tessera.web;

import dev.tessera.http.PageForward;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The issuer's root. A browser (its {@code Accept} names {@code text/html}) gets the landing page, which
 * says what this service is and that the way in is through an application; every other client gets the
 * JSON 404 the root has always answered, so no API client sees a change.
 */
@Path("/")
public class LandingResource {
    static final String PAGE = "/ui/index.xhtml";

    @GET
    public Response root(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (accept == null || !accept.contains(MediaType.TEXT_HTML)) {
            throw new NotFoundException();
        }
        return Response.ok(new PageForward(PAGE, Response.Status.OK.getStatusCode(), Map.of()))
                .type(MediaType.TEXT_HTML + ";charset=UTF-8").header("Cache-Control", "no-store").build();
    }
}
