package dev.tessera.crypto;

import dev.tessera.config.ConfigKeys;
import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
import java.security.Security;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Installs the native provider when it can. It is looked up by name, not linked: the WAR must run, on the
 * JDK's providers, on a server that does not have the jar (other platforms, or an operator who turned it
 * off with {@code tessera.crypto.native=off}). Installation is JVM-wide by nature (the JCA provider list
 * is global), which is why the jar belongs on the server's class path, not in the WAR.
 */
public final class CryptoProviders {
    /** The Amazon Corretto Crypto Provider's class; its static {@code INSTANCE} is the provider. */
    static final String NATIVE_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    /** {@code auto} (the default) or {@code off}; see {@link dev.tessera.config.ConfigKeys#CRYPTO_NATIVE}. */
    static final String SWITCH = ConfigKeys.CRYPTO_NATIVE;
    static final String OFF = "off";

    private static final Logger LOG = Logger.getLogger(CryptoProviders.class.getName());
    private static CryptoStatus status;

    private CryptoProviders() {
    }

    /** Installs the native provider once per JVM and says once which provider is in use. */
    public static synchronized CryptoStatus install() {
        if (status == null) {
            status = install(NATIVE_CLASS, CryptoProviders.class.getClassLoader(), switchValue());
            LOG.info(status.nativeProvider()
                    ? "Cryptography: " + status.describe() + " installed as the preferred provider"
                    : "Cryptography: the JDK's providers (" + status.reason() + ")");
        }
        return status;
    }

    /** The provider in use; installs first when nothing has yet. */
    public static CryptoStatus status() {
        return install();
    }

    static CryptoStatus install(String className, ClassLoader loader, String switchValue) {
        if (OFF.equalsIgnoreCase(switchValue)) {
            return CryptoStatus.jdk("the native provider is switched off (" + SWITCH + "=off)");
        }
        Provider provider;
        try {
            provider = (Provider) Class.forName(className, true, loader).getField("INSTANCE").get(null);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return CryptoStatus.jdk("the native provider is not on the class path");
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return CryptoStatus.jdk("the native provider could not be loaded: " + e);
        }
        try {
            provider.getClass().getMethod("assertHealthy").invoke(provider);
        } catch (InvocationTargetException e) {
            return CryptoStatus.jdk("the native provider failed its self-test: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            return CryptoStatus.jdk("the native provider could not be checked: " + e);
        }
        Provider[] providers = Security.getProviders();
        if (providers.length == 0 || !providers[0].getName().equals(provider.getName())) {
            Security.removeProvider(provider.getName());
            Security.insertProviderAt(provider, 1);
        }
        return CryptoStatus.nativeProvider(provider);
    }

    /** MicroProfile Config when the application has it (every source: system, environment, server); else the JVM's. */
    private static String switchValue() {
        try {
            return ConfigProvider.getConfig(CryptoProviders.class.getClassLoader()).getOptionalValue(SWITCH, String.class)
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            String value = System.getProperty(SWITCH);
            return value != null ? value : System.getenv("TESSERA_CRYPTO_NATIVE");
        }
    }
}
