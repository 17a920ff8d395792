package dev.tessera.user;

import java.util.Optional;

/**
 * One place people live: the local database ({@link JpaUserStore}, id {@value JpaUserStore#ID}) or
 * an LDAP directory ({@code dev.tessera.user.ldap.LdapUserStore}, id {@code ldap}). {@link DefaultUserDirectory}
 * asks the stores named by {@code tessera.users.stores}, in that order; a store never throttles, that is the
 * directory's job.
 */
public interface UserStore {

    /** The name {@code tessera.users.stores} uses for this store. */
    String id();

    /**
     * Checks a password.
     *
     * @return empty when this store has no such username (the next store is asked); otherwise the answer:
     *         success, or a failure with reason {@code INVALID_CREDENTIALS} for a wrong password (counted by
     *         the throttle), {@code DISABLED}, {@code LOCKED} or {@code UNAVAILABLE}. A disabled or locked
     *         account is reported only once the password was right, so the state leaks to no guesser.
     */
    Optional<LoginResult> authenticate(String username, String password);

    /**
     * The account with this subject, enabled or not, possibly from a short-lived cache. Throws (rather than
     * answering empty) when the store cannot be asked, so a caller never mistakes an outage for a deletion.
     */
    Optional<UserAccount> findBySubject(String subject);

    /**
     * The account as the store has it now, for decisions that must not rest on a cache, such as a refresh
     * token grant. A store without a cache answers as {@link #findBySubject}.
     */
    default Optional<UserAccount> recheck(String subject) {
        return findBySubject(subject);
    }

    Optional<UserAccount> findByUsername(String username);

    /**
     * The account a Kerberos principal belongs to, enabled or not, for single sign-on (docs/kerberos.md); empty when
     * this store has none, or does not take part (the default). Throws when the store cannot be asked.
     */
    default Optional<UserAccount> findByPrincipal(PrincipalName principal) {
        return Optional.empty();
    }
}
