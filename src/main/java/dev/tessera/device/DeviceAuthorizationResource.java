package dev.tessera.device;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.client.Client;
import dev.tessera.config.DeviceSettings;
import dev.tessera.config.Issuer;
import dev.tessera.oauth.DeviceParameters;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.client.ClientRequests;
import dev.tessera.token.Audiences;
import dev.tessera.token.GrantScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The device authorization endpoint (RFC 8628 §3.1, §3.2). §3.1: "confidential clients ... authenticate
 * in the same manner as when making requests to the token endpoint, and public clients provide the
 * "client_id" parameter to identify themselves", so this is the token endpoint's first step. The client
 * must be allowed the device code grant; scope and resources are checked as for the code grant. The answer
 * carries the two codes, the verification URIs, the lifetime and the polling interval, and is never
 * cached (it holds a credential, RFC 6749 §5.1 by analogy).
 */
@Path(Endpoints.DEVICE_AUTHORIZATION)
@ApplicationScoped
@Tag(name = "device")
public class DeviceAuthorizationResource {
    /** RFC 8707 §2: resource may repeat. */
    static final Set<String> REPEATABLE = Set.of(OAuthParameters.RESOURCE);

    @Inject
    ClientRequests requests;

    @Inject
    GrantScopes scopes;

    @Inject
    Audiences audiences;

    @Inject
    DeviceCodes codes;

    @Inject
    DeviceSettings settings;

    @Inject
    Issuer issuer;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Device authorization endpoint (RFC 8628 §3.1): a device code, a user code and where to enter it")
    public Response authorize(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        ClientRequests.ClientRequest request = requests.read(Endpoints.DEVICE_AUTHORIZATION, contentType, authorization, body, REPEATABLE);
        FormParameters form = request.form();
        Client client = request.client().client();
        // RFC 6749 §5.2 unauthorized_client: "not authorized to use this authorization grant type".
        if (!client.grantTypes().contains(GrantTypes.DEVICE_CODE)) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "This client may not use the device authorization grant");
        }
        Set<String> scope = scopes.granted(client, form.get(OAuthParameters.SCOPE).orElse(null));
        List<String> resources = form.all(OAuthParameters.RESOURCE);
        audiences.resolve(client, resources);
        DeviceCodes.Issued issued = codes.issue(client.clientId(), scope, resources);
        return Response.ok(json(issued))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private String json(DeviceCodes.Issued issued) {
        String verification = issuer.endpoint(Endpoints.DEVICE_VERIFICATION);
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add(DeviceParameters.DEVICE_CODE, issued.deviceCode())
                .add(DeviceParameters.USER_CODE, issued.userCode())
                .add(DeviceParameters.VERIFICATION_URI, verification)
                // §3.3.1: the code in the URI, for QR codes and links; the page still asks to confirm it.
                .add(DeviceParameters.VERIFICATION_URI_COMPLETE, verification + "?" + DeviceParameters.USER_CODE + "="
                        + URLEncoder.encode(issued.userCode(), StandardCharsets.UTF_8))
                .add(OAuthParameters.EXPIRES_IN, settings.codeLifetime().toSeconds())
                .add(DeviceParameters.INTERVAL, settings.interval().toSeconds())
                .build().toString();
    }
}
