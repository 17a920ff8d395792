package dev.tessera.it;

import dev.tessera.user.ldap.LdapTestServer;
import dev.tessera.user.ldap.LdapTestTls;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the in-memory Active Directory of src/test/resources/ldap/ on the port the build reserved
 * ({@code it.ldap.port}), before Arquillian deploys, offering StartTLS with a certificate for 127.0.0.1 whose key store
 * ({@code target/it-ldap/ldap.p12}) the server trusts (arquillian.xml, payara-micro-ldap), as a domain controller must
 * for a password change. Arquillian deploys in its own beforeAll callback, so this
 * extension must be registered before ArquillianExtension: {@code @ExtendWith({InMemoryActiveDirectory.class,
 * ArquillianExtension.class})}; a static initializer or {@code @BeforeAll} of the test class would run too late.
 */
public final class InMemoryActiveDirectory implements BeforeAllCallback, AfterAllCallback {
    private static LdapTestServer directory;

    public static LdapTestServer directory() {
        return directory;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path keyStore = LdapTestTls.keyStore(Path.of(System.getProperty("project.build.directory", "target"), "it-ldap"));
        directory = LdapTestServer.activeDirectory(Integer.parseInt(System.getProperty("it.ldap.port", "10389")), LdapTestTls.server(keyStore));
        directory.emulateInChain(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (directory != null) {
            directory.close();
            directory = null;
        }
    }
}
