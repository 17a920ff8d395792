package dev.tessera.discovery;

/** Member names of RFC 8414 §2 and OpenID Connect Discovery 1.0 §3 metadata. */
public final class MetadataNames {
    public static final String ISSUER = "issuer";
    public static final String JWKS_URI = "jwks_uri";
    public static final String SUBJECT_TYPES_SUPPORTED = "subject_types_supported";

    private MetadataNames() {
    }
}
