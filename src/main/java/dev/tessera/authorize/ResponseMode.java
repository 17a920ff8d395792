package dev.tessera.authorize;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the authorization response travels (OAuth 2.0 Multiple Response Type Encoding Practices §2.1,
 * OAuth 2.0 Form Post Response Mode §2).
 */
public enum ResponseMode {
    QUERY("query"),
    FRAGMENT("fragment"),
    FORM_POST("form_post");

    private final String wireName;

    ResponseMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResponseMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /** Multiple Response Types §2.1: code answers in the query; anything with a token in the fragment. */
    public static ResponseMode defaultFor(String responseType) {
        return responseType == null || responseType.equals("code") ? QUERY : FRAGMENT;
    }
}
