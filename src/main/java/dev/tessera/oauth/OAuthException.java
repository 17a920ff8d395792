package dev.tessera.oauth;

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

    public OAuthException(OAuthError error, String description) {
        this(error, description, null);
    }

    public OAuthException(OAuthError error, String description, String logDetail) {
        super(description, null, false, false);
        this.error = error;
        this.logDetail = logDetail;
    }

    public OAuthError error() {
        return error;
    }

    /** The {@code error_description}: client-safe. */
    public String description() {
        return getMessage();
    }

    /** Detail for logs and audit only; may be null. */
    public String logDetail() {
        return logDetail;
    }
}
