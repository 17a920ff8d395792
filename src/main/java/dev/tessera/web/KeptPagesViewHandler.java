package dev.tessera.web;

import dev.tessera.authorize.Interactions;
import dev.tessera.http.PageSessions;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Marks the HTTP session as needed beyond any one sign-in as soon as it renders a page that is not part of a sign-in
 * (the account pages, the logout confirmation, the device pages, the console).
 *
 * <p>Why: a sign-in that finishes ends the HTTP session that held its pages ({@link PageSessions}), unless the session
 * holds an attribute of Tessera's own. Without this mark, a person with the account page open in one tab who signs in
 * to an application with a login or consent page in another would find the account page's next form "expired". The
 * sign-in pages themselves and the pages without a form of their own (the expired page, the error page, the start page)
 * leave the session as it is.
 */
public class KeptPagesViewHandler extends ViewHandlerWrapper {
    /** The mark; under {@link PageSessions#OWN_ATTRIBUTES}, so PageSessions keeps the session. */
    static final String ATTRIBUTE = PageSessions.OWN_ATTRIBUTES + "pages.kept";

    /**
     * The views that leave the session unmarked: a sign-in's pages (Interactions' pages, without the /ui prefix), whose
     * state ends with the sign-in, and the expired, error and start pages, which have no form of their own. Every other
     * page has a form, so Faces keeps a session for it anyway: marking it creates no session that would not exist.
     */
    static final Set<String> UNMARKED_VIEWS = Stream.concat(
            Stream.of(Interactions.LOGIN_PAGE, Interactions.CONSENT_PAGE, Interactions.FACTOR_PAGE).map(page -> page.substring("/ui".length())),
            Stream.of(ExpiredViewExceptionHandler.VIEW, "/error.xhtml", "/index.xhtml")).collect(Collectors.toUnmodifiableSet());

    public KeptPagesViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (viewId != null && !UNMARKED_VIEWS.contains(viewId)) {
            Map<String, Object> session = context.getExternalContext().getSessionMap();
            session.putIfAbsent(ATTRIBUTE, Boolean.TRUE);
        }
        return root;
    }
}
