package dev.tessera.trust;

import java.util.Arrays;
import java.util.Optional;

/** What the {@code sub} of a trusted issuer's assertion becomes here (RFC 7523 §3 item 2: "the subject of the JWT"). */
public enum SubjectMapping {
    /** {@code sub} is a local user's username or subject; the token is that user's. */
    LOCAL_USER("local-user"),
    /** {@code sub} is a service identity of the issuer, taken as it is; it may not name a local user. */
    SERVICE("service");

    private final String wireName;

    SubjectMapping(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SubjectMapping> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
