package dev.tessera.admin;

import dev.tessera.config.UserStoreSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.UserAccount;
import dev.tessera.user.ldap.LdapGroupCache;
import dev.tessera.user.ldap.LdapUnavailableException;
import dev.tessera.user.ldap.LdapUserSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Directory users for administrators, read-only and a page at a time (RFC 2696 simple paged results):
 * {@code GET /admin/api/users/ldap?search=ad&page-size=100}, then the same with {@code cookie} from the
 * answer until it has none. Nothing is imported or written. See docs/ldap.md.
 */
@Path("/admin/api/users/ldap")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLdapUsersResource {
    static final String SEARCH = "search";
    static final String PAGE_SIZE = "page-size";
    static final String COOKIE = "cookie";
    static final String GROUP_CACHE = "group-cache";

    @Inject
    LdapUserSearch search;

    @Inject
    UserStoreSettings stores;

    @Inject
    LdapGroupCache groupCache;

    /**
     * Forgets which groups each directory group is nested in, on every node (docs/ldap.md): after a change of the
     * nesting that should show before {@code tessera.ldap.group-cache-ttl} runs out.
     */
    @DELETE
    @Path(GROUP_CACHE)
    @Operation(summary = "Forget the cached parent groups of directory groups, on every node")
    public Response flushGroupCache() {
        requireLdap();
        groupCache.flush();
        return Response.noContent().build();
    }

    private void requireLdap() {
        AdminDirectoryResource.requireLdap(stores);
    }

    @GET
    @Operation(summary = "List LDAP users whose login name starts with search, one page at a time")
    public Response list(@QueryParam(SEARCH) String prefix, @QueryParam(PAGE_SIZE) @DefaultValue("100") int pageSize,
            @QueryParam(COOKIE) String cookie) {
        requireLdap();
        LdapUserSearch.Page page;
        try {
            page = search.search(prefix, pageSize, cookie);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, e.getMessage());
        } catch (LdapUnavailableException | FaultToleranceException e) {
            throw new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, "The directory cannot be asked right now");
        }
        JsonArrayBuilder users = Json.createArrayBuilder();
        page.users().forEach(u -> users.add(json(u)));
        JsonObjectBuilder body = Json.createObjectBuilder().add("users", users);
        page.cookie().ifPresent(c -> body.add(COOKIE, c));
        return Response.ok(body.build().toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static JsonObjectBuilder json(UserAccount user) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("sub", user.subject()).add("username", user.username())
                .add("enabled", user.enabled());
        user.claims().forEach((name, value) -> json.add(name, String.valueOf(value)));
        return json;
    }
}
