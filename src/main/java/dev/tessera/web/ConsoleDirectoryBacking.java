package dev.tessera.web;

import dev.tessera.admin.AdminDirectoryResource;
import dev.tessera.config.UserStoreSettings;
import dev.tessera.user.ldap.LdapDiagnostics;
import dev.tessera.user.ldap.LdapUserStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The console's directory page: the LDAP configuration in force (secrets masked), each server's state and latency,
 * "look up a user" and "test a sign-in", each showing the exact filter sent, the entry, the bind and the groups
 * ({@link LdapDiagnostics}, as {@code /admin/api/directory}). A test sign-in binds as the person, which a directory
 * counts against their lockout: it is a change, refused to read-only operators; a look-up is not. The password is
 * read from the post, used once and never shown again (the field is never filled back).
 */
@Named("consoleDirectory")
@RequestScoped
public class ConsoleDirectoryBacking {
    @Inject
    ConsoleBacking console;

    @Inject
    UserStoreSettings stores;

    @Inject
    LdapDiagnostics diagnostics;

    private String username;
    private String password;
    private LdapDiagnostics.Trial trial;
    private List<LdapDiagnostics.Server> servers;

    public boolean isEnabled() {
        return stores.stores().contains(LdapUserStore.ID);
    }

    /** One configuration key and its value in force. */
    public record Setting(String key, String value) {
    }

    public List<Setting> getConfiguration() {
        return isEnabled() ? diagnostics.configuration().entrySet().stream().map(e -> new Setting(e.getKey(), e.getValue())).toList()
                : List.of();
    }

    public List<LdapDiagnostics.Server> getServers() {
        if (servers == null) {
            servers = isEnabled() ? diagnostics.servers() : List.of();
        }
        return servers;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null; // never shown again
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public LdapDiagnostics.Trial getTrial() {
        return trial;
    }

    public String lookUp() {
        trial = console.ask(() -> AdminDirectoryResource.run(() -> diagnostics.lookUp(username)));
        return null;
    }

    public String trySignIn() {
        String typed = password;
        password = null;
        trial = console.change(null, () -> AdminDirectoryResource.run(() -> diagnostics.trySignIn(username, typed)));
        return null;
    }
}
