package dev.tessera.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A protocol failure: an {@link OAuthError} plus text safe to show the client.
 *
 * <p>Handlers throw it and never build responses, so the wire format lives in one mapper. The
 * description is what a developer reads to fix the request; anything that must not reach the client
 * (which check failed internally, a user's state) goes into {@link #logDetail()} for logs and audit.
 */
public class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final OAuthError error;
    private final String logDetail;
    private final Map<String, String> headers;

    public OAuthException(OAuthError error, String description) {
        this(error, description, null);
    }

    public OAuthException(OAuthError error, String description, String logDetail) {
        this(error, description, logDetail, Map.of());
    }

    private OAuthException(OAuthError error, String description, String logDetail, Map<String, String> headers) {
        super(ErrorBody.sanitize(description), null, false, false);
        this.error = error;
        this.logDetail = logDetail;
        this.headers = headers;
    }

    /** A copy that also sends this response header, e.g. WWW-Authenticate (RFC 6749 §5.2, RFC 6750 §3). */
    public OAuthException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OAuthException(error, description(), logDetail, Map.copyOf(more));
    }

    public Map<String, String> headers() {
        return headers;
    }

    public OAuthError error() {
        return error;
    }

    /** The {@code error_description}: client-safe, already within RFC 6749 §5.2's character set. */
    public String description() {
        return getMessage();
    }

    /** Detail for logs and audit only; may be null. */
    public String logDetail() {
        return logDetail;
    }
}
