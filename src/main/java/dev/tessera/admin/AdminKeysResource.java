package dev.tessera.admin;

import dev.tessera.keys.KeyRing;
import dev.tessera.keys.KeyRotationService;
import dev.tessera.keys.LoadedKey;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing keys for operators: their states, and rotation on demand (e.g. after a suspected leak). */
@Path("/admin/api/keys")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeysResource {

    @Inject
    KeyRing ring;

    @Inject
    KeyRotationService rotation;

    @GET
    @Operation(summary = "List signing keys with their states")
    public String list() {
        JsonArrayBuilder keys = JsonFactories.BUILDERS.createArrayBuilder();
        ring.published().forEach(k -> keys.add(describe(k)));
        return JsonFactories.BUILDERS.createObjectBuilder().add("keys", keys).build().toString();
    }

    @POST
    @Path("{alg}/rotate")
    @Operation(summary = "Replace the active key of one algorithm now; the old key stays published until its tokens expire")
    public String rotate(@PathParam("alg") String alg, @Context SecurityContext caller) {
        SigningAlgorithm algorithm = SigningAlgorithm.fromJwsName(alg)
                .filter(a -> rotation.enabledAlgorithms().contains(a))
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, "No enabled signing algorithm " + alg));
        rotation.rotateNow(algorithm, caller.getUserPrincipal().getName());
        return list();
    }

    /**
     * Takes one key out of signing now. It stays in the JWKS until the tokens it signed have expired (then the
     * schedule removes it); a successor that never signed leaves at once; if it was signing, a new key signs now.
     */
    @POST
    @Path("{kid}/retire")
    @Operation(summary = "Stop signing with one key now; it stays published until the tokens it signed have expired")
    public String retire(@PathParam("kid") String kid, @Context SecurityContext caller) {
        retire(rotation, kid, caller.getUserPrincipal().getName());
        return list();
    }

    /** The one rule of retiring, for the API and the console: unknown is 404, already retired is 409. */
    public static void retire(KeyRotationService rotation, String kid, String actor) {
        boolean found;
        try {
            found = rotation.retire(kid, actor);
        } catch (IllegalStateException e) {
            throw new OAuthException(OAuthError.CONFLICT, e.getMessage());
        }
        if (!found) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No signing key " + kid);
        }
    }

    private JsonObjectBuilder describe(LoadedKey key) {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add("kid", key.kid())
                .add("alg", key.algorithm().jwsName())
                .add("state", ring.stateOf(key).name().toLowerCase(Locale.ROOT))
                .add("activates_at", key.timeline().activatesAt().toString());
        if (key.timeline().retiresAt() != null) {
            json.add("retires_at", key.timeline().retiresAt().toString());
        }
        return json;
    }
}
