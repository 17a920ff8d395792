package dev.tessera.user.ldap;

/**
 * The directory could not be asked: no server answered, a timeout, a broken connection, a refused search.
 * Unchecked, so the fault-tolerance circuit breaker counts it; never a wrong password, which is an answer.
 */
public class LdapUnavailableException extends RuntimeException {
    public LdapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
