package dev.tessera.user;

/**
 * A person's own password change in the directory they sign in with (issue 19 point 5), implemented by the LDAP
 * store ({@code user.ldap}) when {@code tessera.ldap.password-change} is on. The directory decides: its password
 * policy, its history, its minimum age. Tessera only carries the change, bound as the person.
 */
public interface DirectoryPasswords {
    /** What the directory answered; each has a text on the password page. */
    enum Outcome { CHANGED, WRONG_CURRENT, REFUSED, NOT_ENCRYPTED, UNAVAILABLE }

    /** Whether people of the directory may change their password on the account page. */
    boolean enabled();

    /**
     * Changes the password of {@code subject}, a person of the directory (the caller has found no local account),
     * from {@code current} to {@code next}, bound as that person. Never throws for what the directory answers.
     */
    Outcome change(String subject, String current, String next);
}
