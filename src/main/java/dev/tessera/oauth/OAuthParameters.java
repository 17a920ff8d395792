package dev.tessera.oauth;

/**
 * Wire names of protocol parameters and JSON members, so no endpoint spells them on its own.
 * Grouped by the specification that defines them.
 */
public final class OAuthParameters {
    // RFC 6749 §5.2
    public static final String ERROR = "error";
    public static final String ERROR_DESCRIPTION = "error_description";
    public static final String ERROR_URI = "error_uri";

    private OAuthParameters() {
    }
}
