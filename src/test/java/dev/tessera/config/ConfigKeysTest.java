package dev.tessera.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every key in ConfigKeys is documented in docs/configuration.md and, unless it is a secret, has a default. */
class ConfigKeysTest {
    /** Secrets have no default: absent means "generate" or "development key, with a warning". */
    private static final Set<String> WITHOUT_DEFAULT = Set.of(ConfigKeys.KEYS_ENCRYPTION_KEY, ConfigKeys.BOOTSTRAP_ADMIN_SECRET,
            ConfigKeys.LDAP_BIND_PASSWORD, ConfigKeys.LDAP_TRUST_STORE_PASSWORD);

    static List<String> keys() {
        return Arrays.stream(ConfigKeys.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(ConfigKeysTest::value).toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyKeyIsDocumented() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("project.basedir", "."), "docs", "configuration.md"));

        assertThat(keys()).isNotEmpty().allSatisfy(key -> assertThat(docs).as(key).contains("`" + key + "`"));
    }

    @Test
    void everyKeyButTheSecretsHasADefault() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }

        assertThat(keys()).filteredOn(k -> !WITHOUT_DEFAULT.contains(k))
                .allSatisfy(key -> assertThat(defaults).as(key).containsKey(key));
    }
}
