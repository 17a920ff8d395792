package dev.tessera.session;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import dev.tessera.config.Issuer;
import dev.tessera.config.LogoutSettings;
import dev.tessera.http.PageFraming;
import dev.tessera.http.WebOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenID Connect Front-Channel Logout 1.0 §3: when a session ends in the browser that holds it (RP-initiated
 * logout, the account page's sign-out), the logout page loads the {@code frontchannel_logout_uri} of every
 * application that took part in it, in hidden iframes, with {@code iss} and {@code sid} added for those that
 * registered {@code frontchannel_logout_session_required}; then the browser continues. This class says which URIs,
 * and hands the page what it renders ({@link #FRAMES}, {@link #CONTINUE}, {@link #TIMEOUT_MILLIS}) with the
 * page's frame-src (exactly those origins, {@link PageFraming}) as request attributes.
 */
@ApplicationScoped
public class FrontchannelLogouts {
    /** Request attribute: the iframe URIs, one per line. */
    public static final String FRAMES = "tessera.logout.frames";
    /** Request attribute: where the browser goes once the iframes have loaded. */
    public static final String CONTINUE = "tessera.logout.continue";
    /** Request attribute: how long the page waits for the iframes at most, in milliseconds. */
    public static final String TIMEOUT_MILLIS = "tessera.logout.frames-timeout";

    @Inject
    ClientDirectory clients;

    @Inject
    Issuer issuer;

    @Inject
    LogoutSettings settings;

    /** The front-channel logout URIs of the enabled clients that took part in {@code ended}, in the order they joined. */
    public List<String> uris(SessionEnded ended) {
        return ended.clients().stream().distinct().map(clients::find).flatMap(Optional::stream).filter(Client::enabled)
                .filter(c -> c.frontchannelLogoutUri() != null)
                .map(c -> c.frontchannelLogoutSessionRequired() ? withSession(c.frontchannelLogoutUri(), issuer.url(), ended.sid())
                        : c.frontchannelLogoutUri())
                .toList();
    }

    /** §3: "iss" and "sid" as query parameters, after any the URI already has. */
    static String withSession(String uri, String iss, String sid) {
        return uri + (uri.contains("?") ? "&" : "?") + "iss=" + URLEncoder.encode(iss, StandardCharsets.UTF_8)
                + "&sid=" + URLEncoder.encode(sid, StandardCharsets.UTF_8);
    }

    /** Where the page continues to: the verified post-logout redirect, or the signed-out page. */
    public String continueTo(String redirect) {
        return redirect != null ? redirect : issuer.endpoint(LogoutResource.PAGE + "?done=true");
    }

    /** What the logout page needs to render {@code frames}, then continue to {@code continueTo}. */
    public Map<String, String> pageAttributes(List<String> frames, String continueTo) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(FRAMES, String.join("\n", frames));
        attributes.put(CONTINUE, continueTo);
        attributes.put(TIMEOUT_MILLIS, Long.toString(settings.frontchannelTimeout().toMillis()));
        attributes.put(PageFraming.FRAME_SOURCES, String.join(" ", frames.stream().map(WebOrigin::of).flatMap(Optional::stream)
                .distinct().sorted().toList()));
        return attributes;
    }

    /** Sets {@link #pageAttributes} on a request a page renders in this same response. */
    public void declare(ServletRequest request, List<String> frames, String continueTo) {
        pageAttributes(frames, continueTo).forEach(request::setAttribute);
    }
}
