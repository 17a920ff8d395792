package dev.tessera.oauth;

import jakarta.json.JsonObjectBuilder;

/**
 * The one JSON shape of every error answer: {@code {"error": ..., "error_description": ...}}
 * (RFC 6749 §5.2). Used by the JAX-RS mappers and by the servlet-level handlers that run before
 * JAX-RS, so both write byte-for-byte the same thing.
 */
public final class ErrorBody {
    /** RFC 6749 §5.1: "Cache-Control: no-store" on every response that may carry a token or error. */
    public static final String NO_STORE = "no-store";
    private static final char SECTION_SIGN = '\u00A7';

    private ErrorBody() {
    }

    public static String json(OAuthError error, String description) {
        JsonObjectBuilder body = JsonFactories.BUILDERS.createObjectBuilder().add(OAuthParameters.ERROR, error.code());
        if (description != null && !description.isBlank()) {
            body.add(OAuthParameters.ERROR_DESCRIPTION, sanitize(description));
        }
        return body.build().toString();
    }

    /**
     * RFC 6749 §5.2 and §4.1.2.1: error_description "MUST NOT include characters outside the set %x20-21 /
     * %x23-5B / %x5D-7E"; anything else (quotes, backslashes, non-ASCII, CR, LF and other control
     * characters) becomes '?'. The one sanitiser of every description that leaves the server: {@link
     * OAuthException} and the authorization endpoint's exception apply it when they are made, so a redirect,
     * a fragment, a form_post page, an HTML page and a JSON body all carry the same safe text. Null stays null.
     */
    public static String sanitize(String description) {
        if (description == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(description.length());
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
            if (c == SECTION_SIGN) {
                out.append("section ");
            } else {
                out.append(allowed ? c : '?');
            }
        }
        return out.toString();
    }
}
