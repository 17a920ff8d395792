package dev.tessera.admin;

import dev.tessera.oauth.ErrorResponses;
import dev.tessera.oauth.OAuthError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The admin API fails closed: its resources run only for a caller {@link AdminApiBearer} admitted. Every
 * refusal is {@link AdminApiBearer}'s; this filter catches what reaches an admin resource without passing it:
 * a container that did not run Jakarta Security for the request (not set up for it), or a path the JAX-RS
 * runtime matched to an admin resource although the container's servlet path did not read as
 * {@code /admin/api} ({@link GuardedArea}). It verifies nothing itself; it only looks for the caller.
 */
@AdminApi
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminCallerRequired implements ContainerRequestFilter {
    static final String NOT_ADMITTED = "The admin API admits only callers its authentication mechanism verified";
    private static final Logger LOG = Logger.getLogger(AdminCallerRequired.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof AdminCaller) {
            return;
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warning("An admin API request reached its resource without Tessera's authentication mechanism: refused. "
                    + "If every admin request is refused, the container does not run Jakarta Security for this application");
        }
        request.abortWith(ErrorResponses.builder(OAuthError.INVALID_TOKEN, NOT_ADMITTED)
                .header(HttpHeaders.WWW_AUTHENTICATE, AdminApiBearer.REALM).build());
    }
}
