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
    public static final String KEYS_ACCEPTED_ENCRYPTION_KEYS = "tessera.keys.accepted-encryption-keys";
    public static final String KEYS_ALGORITHMS = "tessera.keys.algorithms";
    public static final String KEYS_RSA_SIZE = "tessera.keys.rsa-size";
    public static final String KEYS_ROTATION_PERIOD = "tessera.keys.rotation-period";
    public static final String KEYS_PRE_PUBLICATION = "tessera.keys.pre-publication";
    public static final String KEYS_RETENTION = "tessera.keys.retention";
    public static final String KEYS_CHECK_INTERVAL = "tessera.keys.check-interval";
    public static final String KEYS_JWKS_MAX_AGE = "tessera.keys.jwks-max-age";
    public static final String CRYPTO_NATIVE = "tessera.crypto.native";

    public static final String HTTP_MAX_BODY_BYTES = "tessera.http.max-body-bytes";
    public static final String HTTP_MAX_HEADER_BYTES = "tessera.http.max-header-bytes";
    public static final String HTTP_TRUSTED_PROXIES = "tessera.http.trusted-proxies";
    public static final String HTTP_CLIENT_CERT_HEADER = "tessera.http.client-cert-header";
    public static final String LOG_FORMAT = "tessera.log.format";

    public static final String CACHE_CLIENT_TTL = "tessera.cache.client-ttl";

    public static final String TOKENS_ACCESS_TOKEN_LIFETIME = "tessera.tokens.access-token-lifetime";
    public static final String TOKENS_ACCESS_TOKEN_ALGORITHM = "tessera.tokens.access-token-algorithm";
    public static final String TOKENS_RESOURCE_ALGORITHMS = "tessera.tokens.resource-algorithms";
    public static final String TOKENS_ASSERTION_MAX_LIFETIME = "tessera.tokens.assertion-max-lifetime";
    public static final String TOKENS_CLOCK_SKEW = "tessera.tokens.clock-skew";
    public static final String TOKENS_ID_TOKEN_LIFETIME = "tessera.tokens.id-token-lifetime";
    public static final String TOKENS_REFRESH_TOKEN_LIFETIME = "tessera.tokens.refresh-token-lifetime";
    public static final String TOKENS_REFRESH_TOKEN_IDLE = "tessera.tokens.refresh-token-idle";
    public static final String TOKENS_REFRESH_TOKEN_REUSE_INTERVAL = "tessera.tokens.refresh-token-reuse-interval";
    public static final String TOKENS_OFFLINE_LIFETIME = "tessera.tokens.offline-lifetime";

    public static final String OUTBOUND_ALLOW_PRIVATE_NETWORKS = "tessera.outbound.allow-private-networks";
    public static final String OUTBOUND_ALLOW_HTTP = "tessera.outbound.allow-http";
    public static final String OUTBOUND_TIMEOUT = "tessera.outbound.timeout";
    public static final String OUTBOUND_MAX_BYTES = "tessera.outbound.max-bytes";
    public static final String OUTBOUND_JWKS_CACHE_TTL = "tessera.outbound.jwks-cache-ttl";

    public static final String STORAGE_REAP_INTERVAL = "tessera.storage.reap-interval";
    public static final String STORAGE_REAP_BATCH = "tessera.storage.reap-batch";

    public static final String AUDIT_FLUSH_INTERVAL = "tessera.audit.flush-interval";
    public static final String AUDIT_BATCH_SIZE = "tessera.audit.batch-size";
    public static final String AUDIT_QUEUE_CAPACITY = "tessera.audit.queue-capacity";
    public static final String AUDIT_RETENTION = "tessera.audit.retention";
    public static final String AUDIT_EXPORT_FILE = "tessera.audit.export.file";
    public static final String AUDIT_EXPORT_SYSLOG_HOST = "tessera.audit.export.syslog-host";
    public static final String AUDIT_EXPORT_SYSLOG_PORT = "tessera.audit.export.syslog-port";
    public static final String AUDIT_CLIENT_CREDENTIALS_TOKENS = "tessera.audit.client-credentials-tokens";

    public static final String BOOTSTRAP_ADMIN_SECRET = "tessera.bootstrap.admin-secret";
    public static final String BOOTSTRAP_RESET_ADMIN_SECRET = "tessera.bootstrap.reset-admin-secret";
    public static final String ADMIN_GROUPS = "tessera.admin.groups";
    public static final String ADMIN_READ_ONLY_GROUPS = "tessera.admin.read-only-groups";
    public static final String ADMIN_CONSOLE_IDLE_TIMEOUT = "tessera.admin.console-idle-timeout";

    public static final String REGISTRATION_OPEN = "tessera.registration.open";
    public static final String REGISTRATION_INITIAL_TOKEN_LIFETIME = "tessera.registration.initial-token-lifetime";
    public static final String REGISTRATION_REQUIRE_PKCE = "tessera.registration.require-pkce";
    public static final String REGISTRATION_DEFAULT_SCOPE = "tessera.registration.default-scope";

    public static final String SESSION_IDLE_TIMEOUT = "tessera.session.idle-timeout";
    public static final String SESSION_MAX_LIFETIME = "tessera.session.max-lifetime";
    public static final String SESSION_REMEMBER_ME_LIFETIME = "tessera.session.remember-me-lifetime";
    public static final String SESSION_EXPIRY_CHECK_INTERVAL = "tessera.session.expiry-check-interval";
    public static final String LOGOUT_MAX_ATTEMPTS = "tessera.logout.backchannel.max-attempts";
    public static final String LOGOUT_INITIAL_BACKOFF = "tessera.logout.backchannel.initial-backoff";
    public static final String LOGOUT_MAX_BACKOFF = "tessera.logout.backchannel.max-backoff";
    public static final String LOGOUT_TIMEOUT = "tessera.logout.backchannel.timeout";
    public static final String LOGOUT_POLL_INTERVAL = "tessera.logout.backchannel.poll-interval";
    public static final String LOGOUT_TOKEN_LIFETIME = "tessera.logout.backchannel.token-lifetime";
    public static final String LOGOUT_RETENTION = "tessera.logout.backchannel.retention";
    public static final String LOGOUT_FRONTCHANNEL_TIMEOUT = "tessera.logout.frontchannel-timeout";
    public static final String AUTHORIZE_PENDING_LIFETIME = "tessera.authorize.pending-lifetime";
    public static final String AUTHORIZE_CODE_LIFETIME = "tessera.authorize.code-lifetime";
    public static final String USERS_STORES = "tessera.users.stores";

    public static final String DEVICE_CODE_LIFETIME = "tessera.device.code-lifetime";
    public static final String DEVICE_INTERVAL = "tessera.device.interval";
    public static final String DEVICE_MAX_FAILURES = "tessera.device.max-failures";
    public static final String DEVICE_MAX_FAILURES_PER_ADDRESS = "tessera.device.max-failures-per-address";
    public static final String DEVICE_FAILURE_WINDOW = "tessera.device.failure-window";

    public static final String PASSWORDS_MIN_LENGTH = "tessera.passwords.min-length";
    public static final String PASSWORDS_ARGON2_MEMORY_KIB = "tessera.passwords.argon2.memory-kib";
    public static final String PASSWORDS_ARGON2_ITERATIONS = "tessera.passwords.argon2.iterations";
    public static final String PASSWORDS_ARGON2_PARALLELISM = "tessera.passwords.argon2.parallelism";

    public static final String LOGIN_MAX_FAILURES = "tessera.login.max-failures";
    public static final String LOGIN_MAX_FAILURES_PER_ADDRESS = "tessera.login.max-failures-per-address";
    public static final String LOGIN_WINDOW = "tessera.login.window";
    public static final String LOGIN_LOCKOUT = "tessera.login.lockout";
    public static final String LOGIN_ACCOUNT_DELAY_AFTER = "tessera.login.account-delay-after";
    public static final String LOGIN_DELAY = "tessera.login.delay";
    public static final String LOGIN_MAX_DELAY = "tessera.login.max-delay";
    public static final String LOGIN_KNOWN_DEVICE_LIFETIME = "tessera.login.known-device-lifetime";
    public static final String LOGIN_RESET_URL = "tessera.login.reset-url";

    public static final String MFA_MINIMUM_ACR = "tessera.mfa.minimum-acr";
    public static final String MFA_ENROL_AT_SIGN_IN = "tessera.mfa.enrol-at-sign-in";
    public static final String MFA_FRESH_FOR = "tessera.mfa.fresh-for";

    public static final String WEBAUTHN_ALLOWED_AAGUIDS = "tessera.webauthn.allowed-aaguids";
    public static final String WEBAUTHN_CHALLENGE_LIFETIME = "tessera.webauthn.challenge-lifetime";

    public static final String THEME_DIR = "tessera.theme.dir";
    public static final String UI_HELP_URL = "tessera.ui.help-url";
    public static final String UI_SUPPORT_CONTACT = "tessera.ui.support-contact";

    public static final String LDAP_URLS = "tessera.ldap.urls";
    public static final String LDAP_FLAVOR = "tessera.ldap.flavor";
    public static final String LDAP_BIND_DN = "tessera.ldap.bind-dn";
    public static final String LDAP_BIND_PASSWORD = "tessera.ldap.bind-password";
    public static final String LDAP_USER_BASE_DN = "tessera.ldap.user-base-dn";
    public static final String LDAP_USER_FILTER = "tessera.ldap.user-filter";
    public static final String LDAP_SUBJECT_ATTRIBUTE = "tessera.ldap.subject-attribute";
    public static final String LDAP_CLAIMS = "tessera.ldap.claims";
    public static final String LDAP_GROUP_BASE_DN = "tessera.ldap.group-base-dn";
    public static final String LDAP_GROUP_FILTER = "tessera.ldap.group-filter";
    public static final String LDAP_GROUP_NAME_ATTRIBUTE = "tessera.ldap.group-name-attribute";
    public static final String LDAP_NESTED_GROUPS = "tessera.ldap.nested-groups";
    public static final String LDAP_GROUP_MAX_DEPTH = "tessera.ldap.group-max-depth";
    public static final String LDAP_GROUP_MAX_COUNT = "tessera.ldap.group-max-count";
    public static final String LDAP_START_TLS = "tessera.ldap.start-tls";
    public static final String LDAP_TRUST_STORE = "tessera.ldap.trust-store";
    public static final String LDAP_TRUST_STORE_PASSWORD = "tessera.ldap.trust-store-password";
    public static final String LDAP_CONNECT_TIMEOUT = "tessera.ldap.connect-timeout";
    public static final String LDAP_RESPONSE_TIMEOUT = "tessera.ldap.response-timeout";
    public static final String LDAP_POOL_SIZE = "tessera.ldap.pool-size";
    public static final String LDAP_CACHE_TTL = "tessera.ldap.cache-ttl";
    public static final String LDAP_RECHECK_ON_REFRESH = "tessera.ldap.recheck-on-refresh";
    public static final String LDAP_REQUIRED_FOR_READINESS = "tessera.ldap.required-for-readiness";
    public static final String ACCOUNT_EDITABLE_CLAIMS = "tessera.account.editable-claims";
    public static final String LDAP_MEMBER_OF_ATTRIBUTE = "tessera.ldap.member-of-attribute";
    public static final String LDAP_GROUP_CACHE_TTL = "tessera.ldap.group-cache-ttl";
    public static final String LDAP_NEGATIVE_CACHE_TTL = "tessera.ldap.negative-cache-ttl";
    public static final String LDAP_SEARCH_MIN_LENGTH = "tessera.ldap.search-min-length";
    public static final String LDAP_SEARCH_TIME_LIMIT = "tessera.ldap.search-time-limit";
    public static final String LDAP_LISTING_COOKIE_TTL = "tessera.ldap.listing-cookie-ttl";
    public static final String LDAP_PASSWORD_CHANGE = "tessera.ldap.password-change";
    public static final String METRICS_ENABLED = "tessera.metrics.enabled";
    public static final String METRICS_CLIENT_LABEL_LIMIT = "tessera.metrics.client-label-limit";
    public static final String METRICS_COUNTING = "tessera.metrics.counting";

    public static final String KERBEROS_KEYTAB = "tessera.kerberos.keytab";
    public static final String KERBEROS_PRINCIPAL = "tessera.kerberos.principal";
    public static final String KERBEROS_KRB5_CONF = "tessera.kerberos.krb5-conf";
    public static final String KERBEROS_NETWORKS = "tessera.kerberos.networks";
    public static final String KERBEROS_PRINCIPAL_ATTRIBUTE = "tessera.kerberos.principal-attribute";
    public static final String KERBEROS_LOCAL_REALM = "tessera.kerberos.local-realm";
    public static final String KERBEROS_PAUSE_AFTER_SIGN_OUT = "tessera.kerberos.pause-after-sign-out";

    private ConfigKeys() {
    }
}
