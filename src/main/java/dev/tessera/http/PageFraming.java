package dev.tessera.http;

import jakarta.servlet.ServletRequest;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The two pages whose framing differs from every other page's, declared by the endpoint as request attributes
 * before the response declares itself HTML; {@link SecurityHeaders} reads them when it writes the
 * Content-Security-Policy. Every other page keeps {@code frame-src} from {@code default-src 'self'} and
 * {@code frame-ancestors 'none'}.
 * <ul>
 * <li>the logout page that loads the applications' front-channel logout URIs (Front-Channel Logout 1.0 §3) may
 * frame exactly those origins ({@code frame-src});</li>
 * <li>the check_session iframe (Session Management 1.0 §4.2) is framed by relying parties' pages, so it may be
 * framed by any page ({@code frame-ancestors *}) and has no {@code X-Frame-Options}.</li>
 * </ul>
 */
public final class PageFraming {
    /** Request attribute: the space-separated origins this page may frame. */
    public static final String FRAME_SOURCES = "tessera.page.frame-src";
    /** Request attribute: present when any page may frame this one. */
    public static final String FRAMEABLE = "tessera.page.frameable";

    private PageFraming() {
    }

    /** This response's page frames {@code origins} (web origins such as {@code https://rp.example.com}). */
    public static void allowFrames(ServletRequest request, Collection<String> origins) {
        request.setAttribute(FRAME_SOURCES, String.join(" ", new TreeSet<>(origins)));
    }

    /** This response's page may be framed by any page. */
    public static void frameableByAnyPage(ServletRequest request) {
        request.setAttribute(FRAMEABLE, Boolean.TRUE);
    }
}
