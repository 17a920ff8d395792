package dev.tessera.config;

import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads MicroProfile Config once and hands out typed, validated settings. Defaults live in
 * {@code META-INF/microprofile-config.properties}; system properties and environment variables
 * override them. A malformed value stops the deployment with the key's name in the message rather
 * than surfacing later as a confusing failure.
 */
@ApplicationScoped
public class ConfigProducer {

    private final Config config = ConfigProvider.getConfig(ConfigProducer.class.getClassLoader());

    @Produces
    @Singleton
    public Issuer issuer() {
        return new Issuer(config.getValue(ConfigKeys.ISSUER, String.class));
    }

    @Produces
    @Singleton
    public KeySettings keySettings() {
        List<String> algorithms = Arrays.stream(string(ConfigKeys.KEYS_ALGORITHMS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new KeySettings(algorithms,
                config.getValue(ConfigKeys.KEYS_RSA_SIZE, Integer.class),
                duration(ConfigKeys.KEYS_ROTATION_PERIOD),
                duration(ConfigKeys.KEYS_PRE_PUBLICATION),
                duration(ConfigKeys.KEYS_RETENTION),
                duration(ConfigKeys.KEYS_CHECK_INTERVAL),
                duration(ConfigKeys.KEYS_JWKS_MAX_AGE));
    }

    @Produces
    @Singleton
    public ResourceAlgorithms resourceAlgorithms(KeySettings keys) {
        return ResourceAlgorithms.parse(config.getOptionalValue(ConfigKeys.TOKENS_RESOURCE_ALGORITHMS, String.class)
                .orElse(""), keys.algorithms());
    }

    @Produces
    @Singleton
    public KeyEncryptionSecret keyEncryptionSecret() {
        List<String> accepted = Arrays.stream(config.getOptionalValue(ConfigKeys.KEYS_ACCEPTED_ENCRYPTION_KEYS, String.class)
                .orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return config.getOptionalValue(ConfigKeys.KEYS_ENCRYPTION_KEY, String.class)
                .filter(s -> !s.isBlank())
                .map(s -> new KeyEncryptionSecret(s, false))
                .orElseGet(KeyEncryptionSecret::developmentDefault)
                .accepting(accepted);
    }

    @Produces
    @Singleton
    public HttpSettings httpSettings() {
        return new HttpSettings(config.getValue(ConfigKeys.HTTP_MAX_BODY_BYTES, Long.class),
                config.getValue(ConfigKeys.HTTP_MAX_HEADER_BYTES, Long.class),
                Arrays.stream(config.getOptionalValue(ConfigKeys.HTTP_TRUSTED_PROXIES, String.class).orElse("").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                string(ConfigKeys.HTTP_CLIENT_CERT_HEADER));
    }

    @Produces
    @Singleton
    public CacheSettings cacheSettings() {
        return new CacheSettings(duration(ConfigKeys.CACHE_CLIENT_TTL));
    }

    @Produces
    @Singleton
    public TokenSettings tokenSettings() {
        return new TokenSettings(duration(ConfigKeys.TOKENS_ACCESS_TOKEN_LIFETIME),
                string(ConfigKeys.TOKENS_ACCESS_TOKEN_ALGORITHM),
                duration(ConfigKeys.TOKENS_ASSERTION_MAX_LIFETIME),
                duration(ConfigKeys.TOKENS_CLOCK_SKEW),
                duration(ConfigKeys.TOKENS_ID_TOKEN_LIFETIME),
                duration(ConfigKeys.TOKENS_REFRESH_TOKEN_LIFETIME),
                duration(ConfigKeys.TOKENS_REFRESH_TOKEN_IDLE),
                duration(ConfigKeys.TOKENS_REFRESH_TOKEN_REUSE_INTERVAL),
                duration(ConfigKeys.TOKENS_OFFLINE_LIFETIME));
    }

    @Produces
    @Singleton
    public OutboundSettings outboundSettings() {
        return new OutboundSettings(config.getValue(ConfigKeys.OUTBOUND_ALLOW_PRIVATE_NETWORKS, Boolean.class),
                config.getValue(ConfigKeys.OUTBOUND_ALLOW_HTTP, Boolean.class),
                duration(ConfigKeys.OUTBOUND_TIMEOUT),
                config.getValue(ConfigKeys.OUTBOUND_MAX_BYTES, Integer.class),
                duration(ConfigKeys.OUTBOUND_JWKS_CACHE_TTL));
    }

    @Produces
    @Singleton
    public StorageSettings storageSettings() {
        return new StorageSettings(duration(ConfigKeys.STORAGE_REAP_INTERVAL),
                config.getValue(ConfigKeys.STORAGE_REAP_BATCH, Integer.class));
    }

    @Produces
    @Singleton
    public AuditSettings auditSettings() {
        String tokens = string(ConfigKeys.AUDIT_CLIENT_CREDENTIALS_TOKENS).trim();
        if (!tokens.equals(AuditSettings.EACH) && !tokens.equals(AuditSettings.PER_MINUTE)) {
            throw new IllegalArgumentException(ConfigKeys.AUDIT_CLIENT_CREDENTIALS_TOKENS + " must be each or per-minute, not " + tokens);
        }
        return new AuditSettings(duration(ConfigKeys.AUDIT_FLUSH_INTERVAL), config.getValue(ConfigKeys.AUDIT_BATCH_SIZE, Integer.class),
                config.getValue(ConfigKeys.AUDIT_QUEUE_CAPACITY, Integer.class), duration(ConfigKeys.AUDIT_RETENTION),
                optional(ConfigKeys.AUDIT_EXPORT_FILE), optional(ConfigKeys.AUDIT_EXPORT_SYSLOG_HOST),
                config.getValue(ConfigKeys.AUDIT_EXPORT_SYSLOG_PORT, Integer.class), tokens.equals(AuditSettings.EACH));
    }

    @Produces
    @Singleton
    public BootstrapSettings bootstrapSettings() {
        return new BootstrapSettings(config.getOptionalValue(ConfigKeys.BOOTSTRAP_ADMIN_SECRET, String.class)
                .filter(s -> !s.isBlank()), config.getValue(ConfigKeys.BOOTSTRAP_RESET_ADMIN_SECRET, Boolean.class));
    }

    @Produces
    @Singleton
    public RegistrationSettings registrationSettings() {
        return new RegistrationSettings(config.getValue(ConfigKeys.REGISTRATION_OPEN, Boolean.class),
                duration(ConfigKeys.REGISTRATION_INITIAL_TOKEN_LIFETIME),
                config.getValue(ConfigKeys.REGISTRATION_REQUIRE_PKCE, Boolean.class),
                scopes(ConfigKeys.REGISTRATION_DEFAULT_SCOPE));
    }

    @Produces
    @Singleton
    public SessionSettings sessionSettings() {
        return new SessionSettings(duration(ConfigKeys.SESSION_IDLE_TIMEOUT), duration(ConfigKeys.SESSION_MAX_LIFETIME),
                duration(ConfigKeys.SESSION_REMEMBER_ME_LIFETIME), duration(ConfigKeys.AUTHORIZE_PENDING_LIFETIME),
                duration(ConfigKeys.AUTHORIZE_CODE_LIFETIME));
    }

    @Produces
    @Singleton
    public LogoutSettings logoutSettings() {
        return new LogoutSettings(duration(ConfigKeys.SESSION_EXPIRY_CHECK_INTERVAL),
                config.getValue(ConfigKeys.LOGOUT_MAX_ATTEMPTS, Integer.class), duration(ConfigKeys.LOGOUT_INITIAL_BACKOFF),
                duration(ConfigKeys.LOGOUT_MAX_BACKOFF), duration(ConfigKeys.LOGOUT_TIMEOUT), duration(ConfigKeys.LOGOUT_POLL_INTERVAL),
                duration(ConfigKeys.LOGOUT_TOKEN_LIFETIME), duration(ConfigKeys.LOGOUT_RETENTION),
                duration(ConfigKeys.LOGOUT_FRONTCHANNEL_TIMEOUT));
    }

    @Produces
    @Singleton
    public UserStoreSettings userStoreSettings() {
        return new UserStoreSettings(Arrays.stream(string(ConfigKeys.USERS_STORES).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    @Produces
    @Singleton
    public PasswordSettings passwordSettings() {
        return new PasswordSettings(config.getValue(ConfigKeys.PASSWORDS_MIN_LENGTH, Integer.class),
                config.getValue(ConfigKeys.PASSWORDS_ARGON2_MEMORY_KIB, Integer.class),
                config.getValue(ConfigKeys.PASSWORDS_ARGON2_ITERATIONS, Integer.class),
                config.getValue(ConfigKeys.PASSWORDS_ARGON2_PARALLELISM, Integer.class));
    }

    @Produces
    @Singleton
    public LoginSettings loginSettings() {
        return new LoginSettings(config.getValue(ConfigKeys.LOGIN_MAX_FAILURES, Integer.class),
                config.getValue(ConfigKeys.LOGIN_MAX_FAILURES_PER_ADDRESS, Integer.class),
                config.getValue(ConfigKeys.LOGIN_ACCOUNT_DELAY_AFTER, Integer.class),
                duration(ConfigKeys.LOGIN_WINDOW),
                duration(ConfigKeys.LOGIN_LOCKOUT),
                duration(ConfigKeys.LOGIN_DELAY),
                duration(ConfigKeys.LOGIN_MAX_DELAY),
                duration(ConfigKeys.LOGIN_KNOWN_DEVICE_LIFETIME));
    }

    @Produces
    @Singleton
    public MfaSettings mfaSettings() {
        return new MfaSettings(string(ConfigKeys.MFA_MINIMUM_ACR).trim(), config.getValue(ConfigKeys.MFA_ENROL_AT_SIGN_IN, Boolean.class),
                duration(ConfigKeys.MFA_FRESH_FOR));
    }

    @Produces
    @Singleton
    public WebAuthnSettings webAuthnSettings() {
        String aaguids = optional(ConfigKeys.WEBAUTHN_ALLOWED_AAGUIDS);
        return new WebAuthnSettings(aaguids == null ? List.of() : List.of(aaguids.split("\\s*,\\s*")),
                duration(ConfigKeys.WEBAUTHN_CHALLENGE_LIFETIME));
    }

    @Produces
    @Singleton
    public DeviceSettings deviceSettings() {
        return new DeviceSettings(duration(ConfigKeys.DEVICE_CODE_LIFETIME), duration(ConfigKeys.DEVICE_INTERVAL),
                config.getValue(ConfigKeys.DEVICE_MAX_FAILURES, Integer.class),
                config.getValue(ConfigKeys.DEVICE_MAX_FAILURES_PER_ADDRESS, Integer.class),
                duration(ConfigKeys.DEVICE_FAILURE_WINDOW));
    }

    @Produces
    @Singleton
    public UiSettings uiSettings() {
        return new UiSettings(optional(ConfigKeys.THEME_DIR), optional(ConfigKeys.UI_HELP_URL),
                optional(ConfigKeys.UI_SUPPORT_CONTACT), optional(ConfigKeys.LOGIN_RESET_URL));
    }

    @Produces
    @Singleton
    public ConsoleSettings consoleSettings() {
        return new ConsoleSettings(names(ConfigKeys.ADMIN_GROUPS), names(ConfigKeys.ADMIN_READ_ONLY_GROUPS),
                duration(ConfigKeys.ADMIN_CONSOLE_IDLE_TIMEOUT));
    }

    /** A comma-separated list of names; an empty value is the empty set. */
    private Set<String> names(String key) {
        return Arrays.stream(config.getOptionalValue(key, String.class).orElse("").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** A key whose empty value (the default) means "not set". */
    private String optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private String string(String key) {
        return config.getValue(key, String.class);
    }

    /** A space-separated scope (RFC 6749 §3.3); an empty value is the empty set. */
    private Set<String> scopes(String key) {
        String value = config.getOptionalValue(key, String.class).orElse("");
        try {
            return Scopes.parse(value);
        } catch (OAuthException e) {
            throw new IllegalArgumentException(key + " must be space-separated scope values (RFC 6749 §3.3), not " + value, e);
        }
    }

    /** ISO-8601 durations (PT5M, P90D), parsed here because MicroProfile Config has no Duration converter. */
    private Duration duration(String key) {
        String value = string(key);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT5M or P90D, not " + value, e);
        }
    }
}
