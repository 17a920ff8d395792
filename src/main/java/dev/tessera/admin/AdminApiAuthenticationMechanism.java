package dev.tessera.admin;

import dev.tessera.client.ClientMetadataPolicy;
import dev.tessera.config.ConfigKeys;
import dev.tessera.config.Issuer;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.keys.KeyRing;
import dev.tessera.http.ErrorWriter;
import dev.tessera.http.SecurityHeadersFilter;
import dev.tessera.oauth.OAuthError;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs MicroProfile JWT for the admin API and for nothing else. The WAR declares MP-JWT
 * ({@code @LoginConfig} on the JAX-RS application), and the container's MP-JWT mechanism answers 401 to
 * any request whose bearer token it cannot verify, protected resource or not; in this one WAR that would
 * refuse the opaque access tokens of {@code /userinfo}, registration access tokens and EdDSA tokens before
 * Tessera sees them. This mechanism, the application's selected alternative, hands requests under
 * {@code /admin/api} to the MP-JWT mechanism and lets every other request through untouched. (Other
 * requests do not even reach it: {@link AdminOnlyAuthentication} answers them before Jakarta Security
 * runs; the check here stays for a container where that wrapper is not in place.)
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AdminApiAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String PATH = "/admin/api";

    @Inject
    BeanManager beans;

    @Inject
    KeyRing ring;

    @Inject
    Issuer issuer;

    @Inject
    ResourceAlgorithms resourceAlgorithms;

    private volatile HttpAuthenticationMechanism mpJwt;
    private volatile boolean mpJwtMissing;

    /**
     * Payara's MP-JWT verifier logs every token it refuses at INFO, with a stack trace: anyone could fill
     * the log with garbage bearer tokens. Refusals are answered (401) and need no log line; an operator who
     * set a level on that logger keeps it.
     */
    private static final Logger LOG = Logger.getLogger(AdminApiAuthenticationMechanism.class.getName());

    private static final Logger MP_JWT_LOG =
            Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    /**
     * MP-JWT reads its issuer once, when the container builds its verifier: set it before any request.
     * Tokens for this server itself are the admin API's, so a configured algorithm for the issuer as a
     * resource must be one MP-JWT verifies, or the deployment stops here with the reason.
     */
    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String own = resourceAlgorithms.byResource().get(issuer.url());
        if (own != null && !ClientMetadataPolicy.MP_JWT_ALGORITHMS.contains(own)) {
            throw new IllegalStateException(ConfigKeys.TOKENS_RESOURCE_ALGORITHMS + " maps the issuer " + issuer.url()
                    + " to " + own + ", but the admin API verifies RS256 or ES256 only (MicroProfile JWT)");
        }
        AdminJwtVerification.issuer(issuer.url());
        if (MP_JWT_LOG.getLevel() == null) {
            MP_JWT_LOG.setLevel(Level.WARNING);
        }
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!isAdminApi(request)) {
            return context.doNothing();
        }
        HttpAuthenticationMechanism delegate = mpJwt();
        if (delegate == null) {
            // No container MP-JWT mechanism bean (a container that installs MP-JWT its own way): the
            // container's principal, if any, reaches AdminAuthFilter, which refuses everything else.
            return context.doNothing();
        }
        AdminJwtVerification.publish(ring.publishedJwks());
        return delegate.validateRequest(request, response, new HttpMessageContextWrapper(context) {
            @Override
            public AuthenticationStatus responseUnauthorized() {
                // RFC 6750 §3.1: the JSON error and challenge Tessera gives everywhere, not a container page.
                try {
                    ErrorWriter.write(response, OAuthError.INVALID_TOKEN, AdminAuthFilter.NOT_ACTIVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AdminAuthFilter.INVALID_TOKEN_CHALLENGE);
                // Answered before the servlet filters run: give it the headers they give every response.
                SecurityHeadersFilter.setCommonHeaders(response, issuer);
                return AuthenticationStatus.SEND_FAILURE;
            }
        });
    }

    /** The decoded path inside the application, as the container normalised it. */
    static boolean isAdminApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** The container's MP-JWT mechanism (the one other mechanism bean), or null when there is none. */
    private HttpAuthenticationMechanism mpJwt() {
        HttpAuthenticationMechanism found = mpJwt;
        if (found == null && !mpJwtMissing) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(b -> !AdminApiAuthenticationMechanism.class.equals(b.getBeanClass()))
                    .findFirst().orElse(null);
            if (bean == null) {
                LOG.severe("No MicroProfile JWT mechanism bean in this container: the admin API admits only a "
                        + "principal the container's own MP-JWT sets (or set tessera.admin.mp-jwt=false)");
                mpJwtMissing = true;
                return null;
            }
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            mpJwt = found;
        }
        return found;
    }
}
