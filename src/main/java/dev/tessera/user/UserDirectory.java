package dev.tessera.user;

import java.util.Optional;

/**
 * Every configured user store behind one door: the login page, the password grant and the token
 * endpoint ask here, never a store directly. The implementation applies throttling ({@link LoginThrottle}),
 * stored so every node sees it, and spends similar time on unknown users and wrong passwords.
 */
public interface UserDirectory {

    /** A login without a known-device cookie (the password grant). */
    default LoginResult authenticate(String username, String password, String clientAddress) {
        return authenticate(username, password, clientAddress, null);
    }

    /**
     * @param clientAddress the caller's IP address, for per-address throttling
     * @param deviceCookie  the browser's known-device cookie ({@link KnownDevices}), null when it sent none
     */
    LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie);

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
