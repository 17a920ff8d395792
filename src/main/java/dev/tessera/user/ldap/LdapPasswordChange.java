package dev.tessera.user.ldap;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.UserStoreSettings;
import dev.tessera.user.DirectoryPasswords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * A directory person's password change from the account page, when {@code tessera.ldap.password-change} is on and
 * the LDAP store is in use: the entry is found by subject, then the change is made bound as the person
 * ({@link LdapDirectory#changePassword}), so the directory's own access rules and password policy apply exactly as
 * they would to the person's desktop.
 */
@ApplicationScoped
public class LdapPasswordChange implements DirectoryPasswords {
    @Inject
    @ConfigProperty(name = ConfigKeys.LDAP_PASSWORD_CHANGE, defaultValue = "false")
    boolean enabled;

    @Inject
    UserStoreSettings stores;

    @Inject
    LdapSettings settings;

    @Inject
    LdapUserStore store;

    @Inject
    LdapDirectory directory;

    public LdapPasswordChange() {
    }

    /** For tests: the change without CDI, switched on. */
    public LdapPasswordChange(LdapSettings settings, LdapUserStore store, LdapDirectory directory) {
        this.enabled = true;
        this.settings = settings;
        this.store = store;
        this.directory = directory;
    }

    @Override
    public boolean enabled() {
        return enabled && (stores == null || stores.stores().contains(LdapUserStore.ID));
    }

    @Override
    public Outcome change(String subject, String current, String next) {
        if (!enabled()) {
            return Outcome.REFUSED;
        }
        Optional<String> dn;
        try {
            dn = store.entryDn(subject);
        } catch (LdapUserStore.AmbiguousEntryException e) {
            return Outcome.REFUSED;
        } catch (LdapUnavailableException | FaultToleranceException e) {
            return Outcome.UNAVAILABLE;
        }
        try {
            if (dn.isEmpty()) {
                return Outcome.REFUSED;
            }
            return directory.changePassword(dn.get(), current, next, settings.flavor().activeDirectory());
        } catch (LdapUnavailableException | FaultToleranceException e) {
            return Outcome.UNAVAILABLE;
        }
    }
}
