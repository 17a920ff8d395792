package dev.tessera.user.ldap;

import static dev.tessera.config.ConfigKeys.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@code tessera.ldap.*}. An empty value (MicroProfile Config treats it as absent) takes the flavor's
 * default, so one key can switch a whole set of defaults between Active Directory and OpenLDAP. Nothing is
 * checked for usability here: the keys matter only when {@code tessera.users.stores} names {@code ldap}.
 */
@ApplicationScoped
public class LdapSettingsProducer {

    @Produces
    @Singleton
    public LdapSettings ldapSettings() {
        return read(ConfigProvider.getConfig(LdapSettingsProducer.class.getClassLoader()));
    }

    @Produces
    @Singleton
    public LdapTuning ldapTuning() {
        return tuning(ConfigProvider.getConfig(LdapSettingsProducer.class.getClassLoader()));
    }

    static LdapTuning tuning(Config config) {
        LdapTuning defaults = LdapTuning.defaults();
        return new LdapTuning(optional(config, LDAP_MEMBER_OF_ATTRIBUTE).orElse(defaults.memberOfAttribute()),
                duration(config, LDAP_GROUP_CACHE_TTL, defaults.groupCacheTtl().toString()),
                duration(config, LDAP_NEGATIVE_CACHE_TTL, defaults.negativeCacheTtl().toString()),
                integer(config, LDAP_SEARCH_MIN_LENGTH, defaults.searchMinLength()),
                duration(config, LDAP_SEARCH_TIME_LIMIT, defaults.searchTimeLimit().toString()),
                duration(config, LDAP_LISTING_COOKIE_TTL, defaults.cookieTtl().toString()));
    }

    static LdapSettings read(Config config) {
        LdapFlavor flavor = LdapFlavor.of(optional(config, LDAP_FLAVOR).orElse(LdapFlavor.GENERIC.configName()));
        String userBase = optional(config, LDAP_USER_BASE_DN).orElse("");
        return new LdapSettings(list(optional(config, LDAP_URLS).orElse("")), flavor,
                optional(config, LDAP_BIND_DN).orElse(""), optional(config, LDAP_BIND_PASSWORD).orElse(""), userBase,
                optional(config, LDAP_USER_FILTER).orElse(flavor.userFilter()),
                optional(config, LDAP_SUBJECT_ATTRIBUTE).orElse(flavor.subjectAttribute()),
                optional(config, LDAP_CLAIMS).map(LdapSettingsProducer::claims).orElse(flavor.claims()),
                optional(config, LDAP_GROUP_BASE_DN).orElse(userBase),
                optional(config, LDAP_GROUP_FILTER).orElse(flavor.groupFilter()),
                optional(config, LDAP_GROUP_NAME_ATTRIBUTE).orElse(LdapAttributes.CN),
                bool(config, LDAP_NESTED_GROUPS, true), integer(config, LDAP_GROUP_MAX_DEPTH, 8),
                integer(config, LDAP_GROUP_MAX_COUNT, 500), bool(config, LDAP_START_TLS, false),
                optional(config, LDAP_TRUST_STORE), optional(config, LDAP_TRUST_STORE_PASSWORD).orElse(""),
                duration(config, LDAP_CONNECT_TIMEOUT, "PT3S"), duration(config, LDAP_RESPONSE_TIMEOUT, "PT5S"),
                integer(config, LDAP_POOL_SIZE, 8), duration(config, LDAP_CACHE_TTL, "PT1M"),
                bool(config, LDAP_RECHECK_ON_REFRESH, true));
    }

    /** "claim=attribute,claim=attribute" in claim order. */
    static Map<String, String> claims(String value) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (String pair : list(value)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(LDAP_CLAIMS + " must be claim=attribute pairs separated by commas, not " + value);
            }
            claims.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return claims;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> optional(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean bool(Config config, String key, boolean fallback) {
        return optional(config, key).map(Boolean::parseBoolean).orElse(fallback);
    }

    private static int integer(Config config, String key, int fallback) {
        String value = optional(config, key).orElse(Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not " + value, e);
        }
    }

    private static Duration duration(Config config, String key, String fallback) {
        String value = optional(config, key).orElse(fallback);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT5S, not " + value, e);
        }
    }
}
