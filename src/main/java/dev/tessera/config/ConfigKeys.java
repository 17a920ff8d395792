package dev.tessera.config;

/**
 * Every {@code tessera.*} configuration key, in one place so docs/configuration.md can be checked
 * against it. MicroProfile Config maps each to an environment variable (tessera.keys.rsa-size is
 * TESSERA_KEYS_RSA_SIZE).
 */
public final class ConfigKeys {
    public static final String ISSUER = "tessera.issuer";
    public static final String PORT = "tessera.port";

    public static final String KEYS_ENCRYPTION_KEY = "tessera.keys.encryption-key";
    public static final String KEYS_ALGORITHMS = "tessera.keys.algorithms";
    public static final String KEYS_RSA_SIZE = "tessera.keys.rsa-size";
    public static final String KEYS_ROTATION_PERIOD = "tessera.keys.rotation-period";
    public static final String KEYS_PRE_PUBLICATION = "tessera.keys.pre-publication";
    public static final String KEYS_RETENTION = "tessera.keys.retention";
    public static final String KEYS_CHECK_INTERVAL = "tessera.keys.check-interval";
    public static final String KEYS_JWKS_MAX_AGE = "tessera.keys.jwks-max-age";

    public static final String HTTP_MAX_BODY_BYTES = "tessera.http.max-body-bytes";
    public static final String HTTP_MAX_HEADER_BYTES = "tessera.http.max-header-bytes";

    private ConfigKeys() {
    }
}
