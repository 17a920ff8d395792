package dev.tessera.device;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.DeviceParameters;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The verification URI (RFC 8628 §3.2 verification_uri): a short address a person can type, which
 * forwards to the verification page. A {@code user_code} that could be a code travels along to prefill
 * the form (§3.3.1); anything else is dropped rather than echoed into a Location header.
 */
@Path(Endpoints.DEVICE_VERIFICATION)
@ApplicationScoped
@Tag(name = "device")
public class DeviceVerificationResource {
    /** The Faces verification page. */
    public static final String PAGE = "/ui/device.xhtml";

    @Inject
    Issuer issuer;

    @GET
    @Operation(summary = "Verification URI (RFC 8628 §3.3): forwards to the page where the user code is entered")
    public Response verify(@QueryParam(DeviceParameters.USER_CODE) String userCode) {
        String target = UserCodes.normalize(userCode)
                .map(code -> PAGE + "?" + DeviceParameters.USER_CODE + "=" + URLEncoder.encode(UserCodes.display(code), StandardCharsets.UTF_8))
                .orElse(PAGE);
        return Response.seeOther(URI.create(issuer.endpoint(target))).header("Cache-Control", "no-store").build();
    }
}
