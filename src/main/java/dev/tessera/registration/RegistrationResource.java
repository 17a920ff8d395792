package dev.tessera.registration;

import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientJson;
import dev.tessera.config.Issuer;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The client registration endpoint (RFC 7591 §3) and client configuration endpoint (RFC 7592 §2).
 * Thin: {@link RegistrationService} decides, this class shapes the answers. Every answer carries
 * credentials or an error, so every answer is {@code no-store}.
 */
@Path(Endpoints.REGISTER)
@ApplicationScoped
@Tag(name = "registration")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    RegistrationService service;

    @Inject
    Issuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a client (RFC 7591); needs an initial access token unless registration is open")
    public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        // RFC 7591 §3.2.1: the server "returns an HTTP 201 Created status code".
        return answer(Response.status(Response.Status.CREATED), service.register(authorization, body));
    }

    @GET
    @Path("{client_id}")
    @Operation(summary = "Read a registration (RFC 7592 §2.1); the client secret is not shown again")
    public Response read(@PathParam("client_id") String clientId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(Response.ok(), service.read(clientId, authorization));
    }

    @PUT
    @Path("{client_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a registration (RFC 7592 §2.2); omitted fields take their defaults")
    public Response update(@PathParam("client_id") String clientId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(Response.ok(), service.update(clientId, authorization, body));
    }

    @DELETE
    @Path("{client_id}")
    @Operation(summary = "Delete a registration (RFC 7592 §2.3)")
    public Response delete(@PathParam("client_id") String clientId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        service.delete(clientId, authorization);
        // RFC 7592 §2.3: "If the delete is successful, the authorization server responds with an HTTP 204 No Content".
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, ErrorBody.NO_STORE).build();
    }

    /** RFC 7591 §3.2.1 / RFC 7592 §3: the client information response. */
    private Response answer(Response.ResponseBuilder response, RegistrationService.Registration registration) {
        String clientId = registration.client().clientId();
        String json = ClientJson.of(registration.client(), registration.secret())
                .add(ClientFields.REGISTRATION_ACCESS_TOKEN, registration.registrationToken())
                .add(ClientFields.REGISTRATION_CLIENT_URI, issuer.endpoint(Endpoints.REGISTER + "/" + clientId))
                .build().toString();
        return response.entity(json).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, ErrorBody.NO_STORE)
                .header("Pragma", "no-cache")
                .build();
    }
}
