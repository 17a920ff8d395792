package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A key store with a certificate for 127.0.0.1 only, made by the JDK's keytool, for in-memory directories that speak
 * LDAPS or StartTLS; the same file serves Tessera as its trust store ({@code tessera.ldap.trust-store}).
 */
public final class LdapTestTls {
    public static final String STORE_PASSWORD = "changeit";

    private LdapTestTls() {
    }

    /** Creates {@code dir/ldap.p12} (replacing an old one) and returns its path. */
    public static Path keyStore(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("ldap.p12");
        Files.deleteIfExists(keyStore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "ldap", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(Files.readString(dir.resolve("keytool.log"))).isTrue();
        return keyStore;
    }

    /** The server side of TLS with that key store. */
    public static SSLUtil server(Path keyStore) throws Exception {
        return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), STORE_PASSWORD.toCharArray(), "PKCS12", null), new TrustAllTrustManager());
    }
}
