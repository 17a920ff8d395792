package dev.tessera.web;

import dev.tessera.authorize.Interactions;
import dev.tessera.authorize.PendingAuthorization;
import dev.tessera.authorize.PendingAuthorizations;
import dev.tessera.config.Issuer;
import dev.tessera.http.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** What the login and consent pages share: finding their pending request and sending the browser on. */
@ApplicationScoped
public class PageFlow {

    @Inject
    PendingAuthorizations pendings;

    @Inject
    Issuer issuer;

    @Inject
    RequestContext context;

    public Optional<PendingAuthorization> pending(String id) {
        return pendings.find(id, this::cookie);
    }

    /** RFC 9700 §4.12: after a POST, redirect with 303 so the browser follows with GET, never 307. */
    public void seeOther(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", issuer.endpoint(path));
        response.setHeader("Cache-Control", "no-store");
        faces.responseComplete();
    }

    /** A 303 to a URL outside Tessera that was verified as registered by the caller. */
    public void seeOtherAbsolute(String url) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", url);
        response.setHeader("Cache-Control", "no-store");
        faces.responseComplete();
    }

    public void resume(String id) {
        seeOther(Interactions.RESUME + "?id=" + id);
    }

    public HttpServletRequest request() {
        return (HttpServletRequest) external().getRequest();
    }

    public HttpServletResponse response() {
        return (HttpServletResponse) external().getResponse();
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    /** The request's facts (peer address, cookies) as the whole server reads them. */
    public RequestContext context() {
        return context;
    }

    /** A cookie's value, or null. */
    public String cookie(String name) {
        return context.cookie(name).orElse(null);
    }
}
