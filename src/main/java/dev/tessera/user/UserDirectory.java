package dev.tessera.user;

import java.util.Optional;

/**
 * Every configured user store behind one door: the login page, the password grant and the token
 * endpoint ask here, never a store directly. The implementation applies throttling and lockout per
 * account and per client address, stored so every node sees it, and spends similar time on unknown
 * users and wrong passwords.
 */
public interface UserDirectory {

    /**
     * @param clientAddress the caller's IP address, for per-address throttling
     */
    LoginResult authenticate(String username, String password, String clientAddress);

    /** The account with this subject, if it still exists (enabled or not). */
    Optional<UserAccount> findBySubject(String subject);

    /**
     * The account as its store has it now, not from a cache: what a refresh token grant asks, so a person
     * disabled in an LDAP directory loses access at the next refresh. Throws when a store cannot be asked.
     */
    default Optional<UserAccount> recheck(String subject) {
        return findBySubject(subject);
    }
}
