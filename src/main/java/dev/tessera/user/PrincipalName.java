package dev.tessera.user;

import java.util.Optional;

/**
 * A Kerberos principal name as an acceptor reports it (RFC 4120 §6.2: components separated by "/", then "@" and the
 * realm), e.g. {@code ada@CORP.EXAMPLE} or {@code svc/host@CORP.EXAMPLE}. Realms are case-sensitive (RFC 4120 §6.1).
 *
 * @param primary  the components before the realm, with their "/" separators
 * @param realm    the realm, as written
 */
public record PrincipalName(String primary, String realm) {
    public PrincipalName {
        if (primary.isEmpty() || realm.isEmpty()) {
            throw new IllegalArgumentException("a principal name needs a name and a realm");
        }
    }

    /** The name of {@code user@REALM}; empty when the text is not of that form (no realm, empty parts, escapes). */
    public static Optional<PrincipalName> parse(String text) {
        if (text == null || text.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
            return Optional.empty();
        }
        return Optional.of(new PrincipalName(text.substring(0, at), text.substring(at + 1)));
    }

    /** Whether the name has one component ({@code user@REALM}, not {@code user/admin@REALM}): only such names are people. */
    public boolean singleComponent() {
        return primary.indexOf('/') < 0;
    }

    @Override
    public String toString() {
        return primary + "@" + realm;
    }
}
