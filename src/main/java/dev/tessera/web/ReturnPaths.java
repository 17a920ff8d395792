package dev.tessera.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the login page may send the browser after a login that no authorization request started (the
 * device verification page uses it). RFC 9700 §4.11: no open redirector, so only a relative path into
 * Tessera's own pages is accepted: it starts with {@code /ui/}, so prefixed with the issuer it can never
 * name another host (no {@code //host}, no {@code @host}), and it uses a small set of characters, so no
 * backslash, white space or line break can bend the URL or the Location header.
 */
public final class ReturnPaths {
    static final String PREFIX = "/ui/";
    private static final int MAX_LENGTH = 512;
    private static final Pattern ALLOWED = Pattern.compile("/ui/[A-Za-z0-9._-]+\\.xhtml(\\?[A-Za-z0-9._~=&%-]*)?");

    private ReturnPaths() {
    }

    /** The path if it is a safe return target, else empty. */
    public static Optional<String> safe(String path) {
        if (path == null || path.length() > MAX_LENGTH || !ALLOWED.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(path);
    }
}
