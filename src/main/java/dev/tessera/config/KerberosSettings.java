package dev.tessera.config;

import java.util.List;
import java.util.Optional;

/**
 * Kerberos single sign-on through SPNEGO (RFC 4178, RFC 4559): docs/kerberos.md.
 *
 * @param keytab             the service's keytab file; empty switches Kerberos off
 * @param principal          the service principal the keytab holds, e.g. {@code HTTP/sso.example.com@EXAMPLE.COM}
 * @param krb5Conf           the krb5.conf the JDK reads (set as {@code java.security.krb5.conf}); empty: the JDK's default
 * @param networks           client address blocks (CIDR) that are offered Negotiate; empty: nobody
 * @param principalAttribute the directory attribute holding {@code user@REALM}; empty: the LDAP flavor's default
 *                           ({@code userPrincipalName} on Active Directory, {@code krb5PrincipalName} elsewhere)
 * @param localRealm         the realm whose single-component principals are local usernames; empty: local users are
 *                           never signed in by Kerberos
 */
public record KerberosSettings(Optional<String> keytab, String principal, Optional<String> krb5Conf, List<String> networks,
        Optional<String> principalAttribute, Optional<String> localRealm) {
    public KerberosSettings {
        networks = List.copyOf(networks);
    }

    /**
     * What stops Kerberos from working, naming the key to fix; empty when nothing does. Not thrown from the constructor:
     * the user stores read these settings too, and a Kerberos mistake must not stop password sign-ins.
     */
    public Optional<String> problem() {
        if (keytab.isPresent() && principal.isBlank()) {
            return Optional.of(ConfigKeys.KERBEROS_PRINCIPAL + " must name the service principal of " + ConfigKeys.KERBEROS_KEYTAB
                    + ", e.g. HTTP/sso.example.com@EXAMPLE.COM");
        }
        return Optional.empty();
    }

    /** Kerberos switched off. */
    public static KerberosSettings off() {
        return new KerberosSettings(Optional.empty(), "", Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /** Whether a keytab is configured, so Kerberos is in use. */
    public boolean enabled() {
        return keytab.isPresent();
    }
}
