package dev.tessera.authorize;

import dev.tessera.oauth.ErrorBody;
import dev.tessera.oauth.OAuthError;

/**
 * An authorization request failed. With a {@link RedirectTarget} the error goes back to the client (RFC
 * 6749 §4.1.2.1); without one (client or redirect URI not verified) it is shown on an error page and
 * never redirected, since the redirect URI cannot be trusted (RFC 9700 §4.11.2).
 */
public class AuthorizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final OAuthError error;
    private final transient RedirectTarget target;

    public AuthorizeException(OAuthError error, String description, RedirectTarget target) {
        // RFC 6749 §4.1.2.1: the description is limited to %x20-21 / %x23-5B / %x5D-7E wherever it goes.
        super(ErrorBody.sanitize(description), null, false, false);
        this.error = error;
        this.target = target;
    }

    public static AuthorizeException page(OAuthError error, String description) {
        return new AuthorizeException(error, description, null);
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public RedirectTarget target() {
        return target;
    }
}
