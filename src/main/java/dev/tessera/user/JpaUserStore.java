package dev.tessera.user;

import dev.tessera.config.KerberosSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local store: users in Tessera's own database with Argon2id password hashes. A hash made with
 * weaker parameters than today's is replaced at the next successful login, while the clear password is
 * at hand (OWASP Password Storage Cheat Sheet, "Upgrading Legacy Hashes").
 */
@ApplicationScoped
public class JpaUserStore implements UserStore {
    public static final String ID = "local";
    /** RFC 8176 §2: "pwd": password-based authentication. */
    static final List<String> PASSWORD_AMR = List.of("pwd");
    private static final Logger LOG = Logger.getLogger(JpaUserStore.class.getName());

    @Inject
    UserRepository repository;

    @Inject
    PasswordHasher hasher;

    @Inject
    KerberosSettings kerberos;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<LoginResult> authenticate(String username, String password) {
        Optional<User> found = repository.findByUsername(Usernames.normalize(username));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        User user = found.get();
        if (user.passwordHash() == null) {
            hasher.verifyDummy(password);
            return Optional.of(invalid("no password set for " + user.subject()));
        }
        if (!hasher.verify(password, user.passwordHash())) {
            return Optional.of(invalid("wrong password for " + user.subject()));
        }
        if (!user.enabled()) {
            return Optional.of(new LoginResult.Failure(LoginResult.Reason.DISABLED, LoginMessages.DISABLED,
                    "account disabled: " + user.subject()));
        }
        if (hasher.needsRehash(user.passwordHash())) {
            rehash(user, password);
        }
        return Optional.of(new LoginResult.Success(UserClaims.account(user), PASSWORD_AMR));
    }

    @Override
    public Optional<UserAccount> findBySubject(String subject) {
        return repository.find(subject).map(UserClaims::account);
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return repository.findByUsername(Usernames.normalize(username)).map(UserClaims::account);
    }

    /**
     * Local people have no principal attribute: {@code name@REALM} is the local username {@code name} only when REALM is
     * {@code tessera.kerberos.local-realm} exactly and the name has one component; otherwise nobody.
     */
    @Override
    public Optional<UserAccount> findByPrincipal(PrincipalName principal) {
        boolean local = kerberos != null && principal.singleComponent() && kerberos.localRealm().filter(principal.realm()::equals).isPresent();
        return local ? findByUsername(principal.primary()) : Optional.empty();
    }

    private void rehash(User user, String password) {
        try {
            repository.replacePasswordHash(user.subject(), user.passwordHash(), hasher.hash(password));
        } catch (RuntimeException e) {
            // The login itself succeeded; the upgrade is retried at the next one.
            LOG.log(Level.WARNING, "Could not upgrade the password hash of " + user.subject(), e);
        }
    }

    private static LoginResult.Failure invalid(String detail) {
        return new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS, LoginMessages.INVALID, detail);
    }
}
