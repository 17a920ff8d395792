package dev.tessera.session;

/**
 * Where a session was started from, as the person later sees it on the account page: the client's address
 * ({@code RequestContext.peerAddress}) and the {@code User-Agent} header, each cut to its column's length (a
 * header is whatever the browser sends). Either may be null when unknown.
 */
public record SessionOrigin(String address, String userAgent) {
    static final int MAX_ADDRESS = 64;
    static final int MAX_USER_AGENT = 255;

    /** An origin nobody knows (sessions started without a request, older sessions). */
    public static final SessionOrigin UNKNOWN = new SessionOrigin(null, null);

    public SessionOrigin {
        address = cut(address, MAX_ADDRESS);
        userAgent = cut(userAgent, MAX_USER_AGENT);
    }

    private static String cut(String value, int length) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= length ? stripped : stripped.substring(0, length);
    }
}
