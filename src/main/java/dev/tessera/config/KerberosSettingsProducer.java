package dev.tessera.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads {@code tessera.kerberos.*}; an empty value (absent for MicroProfile Config) is the documented default. */
@ApplicationScoped
public class KerberosSettingsProducer {

    @Produces
    @Singleton
    public KerberosSettings kerberosSettings() {
        return read(ConfigProvider.getConfig(KerberosSettingsProducer.class.getClassLoader()));
    }

    static KerberosSettings read(Config config) {
        return new KerberosSettings(optional(config, ConfigKeys.KERBEROS_KEYTAB), optional(config, ConfigKeys.KERBEROS_PRINCIPAL).orElse(""),
                optional(config, ConfigKeys.KERBEROS_KRB5_CONF),
                Arrays.stream(optional(config, ConfigKeys.KERBEROS_NETWORKS).orElse("").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                optional(config, ConfigKeys.KERBEROS_PRINCIPAL_ATTRIBUTE), optional(config, ConfigKeys.KERBEROS_LOCAL_REALM));
    }

    private static Optional<String> optional(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
