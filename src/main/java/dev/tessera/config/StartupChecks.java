package dev.tessera.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Settings that are legal but unsafe outside development. They are logged as warnings at start-up
 * rather than refused, so the quick start works with no configuration at all.
 */
@ApplicationScoped
public class StartupChecks {
    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    Issuer issuer;

    @Inject
    KeyEncryptionSecret secret;

    /** The warnings for the current configuration; logged by {@link #logWarnings()}. */
    public static List<String> warnings(Issuer issuer, KeyEncryptionSecret secret) {
        List<String> warnings = new ArrayList<>();
        if (!issuer.isHttps() && !issuer.isLoopback()) {
            warnings.add("The issuer " + issuer.url() + " is plain http on a non-loopback host. "
                    + "RFC 9700 requires TLS for every endpoint: set " + ConfigKeys.ISSUER
                    + " (TESSERA_ISSUER) to the public https URL.");
        }
        if (secret.development()) {
            warnings.add("Signing keys are encrypted with the built-in DEVELOPMENT key-encryption secret. "
                    + "Anyone with Tessera's source can decrypt them. Set " + ConfigKeys.KEYS_ENCRYPTION_KEY
                    + " (TESSERA_KEYS_ENCRYPTION_KEY) to a long random value before real use.");
        }
        return warnings;
    }

    public void logWarnings() {
        for (String warning : warnings(issuer, secret)) {
            LOG.warning("\n*** TESSERA SECURITY WARNING ***\n" + warning + "\n");
        }
    }
}
