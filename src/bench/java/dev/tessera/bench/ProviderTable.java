package dev.tessera.bench;

import dev.tessera.crypto.CryptoProviders;
import dev.tessera.crypto.CryptoStatus;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same signature with the JDK's provider and with the native one, one thread each, in this JVM:
 * how much of a token's cost the provider decides. The native provider is installed here the way the
 * server installs it (dev.tessera.crypto), when the test class path has it.
 */
final class ProviderTable {
    private ProviderTable() {
    }

    /** Installs the native provider in this JVM when the server uses it, so the ceilings compare like with like. */
    static CryptoStatus matchServer(boolean serverNative) {
        return serverNative ? CryptoProviders.install() : null;
    }

    static List<String> rows(Map<String, KeyPair> keys, Map<String, String> signingInputs, double warm, int seconds,
            SigningCeiling.Quiet quiet) throws Exception {
        Provider nativeProvider = nativeProvider();
        List<String> rows = new ArrayList<>();
        rows.add("| alg | JDK provider | JDK signs/s (1 thread) | native provider | native signs/s (1 thread) | native ÷ JDK |");
        rows.add("|---|---|---:|---|---:|---:|");
        for (Map.Entry<String, KeyPair> e : keys.entrySet()) {
            String alg = e.getKey();
            Provider jdk = Security.getProvider(alg.equals("RS256") || alg.equals("PS256") ? "SunRsaSign" : "SunEC");
            double jdkRate = SigningCeiling.raw(alg, jdk, e.getValue().getPrivate(), signingInputs.get(alg), warm, seconds, quiet)
                    .opsPerSecond();
            if (nativeProvider == null) {
                rows.add(String.format(Locale.ROOT, "| %s | %s | %,.0f | not on this class path | | |", alg, jdk.getName(), jdkRate));
                continue;
            }
            double nativeRate = SigningCeiling.raw(alg, nativeProvider, e.getValue().getPrivate(), signingInputs.get(alg), warm,
                    seconds, quiet).opsPerSecond();
            rows.add(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s %s | %,.0f | %.1f x |", alg, jdk.getName(), jdkRate,
                    nativeProvider.getName(), nativeProvider.getVersionStr(), nativeRate, nativeRate / jdkRate));
        }
        return rows;
    }

    private static Provider nativeProvider() {
        try {
            Provider p = (Provider) Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider")
                    .getField("INSTANCE").get(null);
            p.getClass().getMethod("assertHealthy").invoke(p);
            return p;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
