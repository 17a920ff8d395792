package dev.tessera.web;

import dev.tessera.config.Issuer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /account}: the address people are told, sent on to the account pages (which sign them in first). */
@Path("/account")
public class AccountResource {
    @Inject
    Issuer issuer;

    @GET
    public Response account() {
        return Response.seeOther(URI.create(issuer.endpoint(AccountBacking.PROFILE))).header("Cache-Control", "no-store").build();
    }
}
