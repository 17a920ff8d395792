package dev.tessera.crypto;

import java.security.Provider;
import java.security.Security;

/**
 * Which provider signs, hashes and draws random numbers, and, when it is the JDK's, why the native one is
 * not in use: what an operator needs to see in /health/ready and in the metrics.
 *
 * @param provider provider name as the JCA knows it, e.g. {@code AmazonCorrettoCryptoProvider} or {@code SUN}
 * @param version  the provider's version string
 * @param nativeProvider true when the native provider is installed first
 * @param reason   why the native provider is not used; null when it is
 */
public record CryptoStatus(String provider, String version, boolean nativeProvider, String reason) {

    static CryptoStatus nativeProvider(Provider provider) {
        return new CryptoStatus(provider.getName(), provider.getVersionStr(), true, null);
    }

    static CryptoStatus jdk(String reason) {
        Provider first = Security.getProviders()[0];
        return new CryptoStatus(first.getName(), first.getVersionStr(), false, reason);
    }

    /** One line for the health check and the log, e.g. "AmazonCorrettoCryptoProvider 2.5.0 (native)". */
    public String describe() {
        return provider + " " + version + (nativeProvider ? " (native)" : " (JDK; " + reason + ")");
    }
}
