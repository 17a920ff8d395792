package dev.tessera.it;

import dev.tessera.user.ldap.LdapTestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the in-memory Active Directory of src/test/resources/ldap/ on the port the build reserved
 * ({@code it.ldap.port}), before Arquillian deploys. Arquillian deploys in its own beforeAll callback, so this
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
        directory = LdapTestServer.activeDirectory(Integer.parseInt(System.getProperty("it.ldap.port", "10389")));
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
