package dev.tessera.crypto;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Installs the provider before anything else in the application runs: a servlet container initializer
 * starts ahead of the listeners that boot CDI, so no static {@code SecureRandom} or cached
 * {@code MessageDigest} is created from the JDK's providers first and kept for the life of the server.
 */
public class CryptoInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        CryptoProviders.install();
    }
}
