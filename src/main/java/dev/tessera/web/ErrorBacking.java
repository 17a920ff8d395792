package dev.tessera.web;

import dev.tessera.http.PageForward;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/**
 * The error page: what happened in plain words (by kind: a sign-in or a sign-out that cannot complete),
 * what to do, the reference that was logged with the case, and the RFC error code and description only
 * in a details line for support. Reached by a forward from an endpoint ({@link PageForward}); requested
 * directly it shows the general sign-in text without details.
 */
@Named("errorPage")
@RequestScoped
public class ErrorBacking {
    static final Set<String> KINDS = Set.of("signin", "signout");

    @Inject
    PageFlow flow;

    public String getKind() {
        String kind = attribute(PageForward.ERROR_KIND);
        return kind != null && KINDS.contains(kind) ? kind : "signin";
    }

    public String getCode() {
        return attribute(PageForward.ERROR_CODE);
    }

    public String getDescription() {
        return attribute(PageForward.ERROR_DESCRIPTION);
    }

    public String getReference() {
        return attribute(PageForward.ERROR_REFERENCE);
    }

    private String attribute(String name) {
        Object value = flow.request().getAttribute(name);
        return value instanceof String s ? s : null;
    }
}
