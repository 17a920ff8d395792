package floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What any JAX-RS token endpoint does at the least: read the form and the Authorization header, answer a fixed JSON
 * body of a token's size with the RFC 6749 §5.1 headers. No authentication, no signature, no JSON building.
 */
@Path("/")
public class TokenFloor {
    private static final String BODY = "{\"access_token\":\"" + "x".repeat(420)
            + "\",\"token_type\":\"Bearer\",\"expires_in\":300}";

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @HeaderParam("Authorization") String authorization) {
        if (grantType == null || authorization == null) {
            return Response.status(400).build();
        }
        return Response.ok(BODY).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @GET
    @Path("ready")
    public String ready() {
        return "ok";
    }
}
