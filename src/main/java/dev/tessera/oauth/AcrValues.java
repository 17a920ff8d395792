package dev.tessera.oauth;

import java.util.List;

/**
 * The authentication context class references Tessera's sign-ins achieve (OpenID Connect Core §2 {@code acr}),
 * advertised as {@code acr_values_supported}; their meaning is documented in docs/authorization.md and
 * docs/strong-authentication.md. {@link #LEVELS} orders the levels Tessera can reach, weakest first: a session at
 * one level satisfies a request for any level before it.
 */
public final class AcrValues {
    /** A password checked by one of the user stores. */
    public static final String PASSWORD = "urn:tessera:acr:password";
    /** A Kerberos ticket presented through SPNEGO (docs/kerberos.md); listed only where Kerberos is configured. */
    public static final String KERBEROS = "urn:tessera:acr:kerberos";
    /** A password and a second factor of another kind (a one-time code, a recovery code). */
    public static final String MFA = "urn:tessera:acr:mfa";
    /** Phishing-resistant: a passkey or security key (WebAuthn), bound to the issuer's origin. */
    public static final String PHR = "urn:tessera:acr:phr";

    /**
     * The levels Tessera can reach today, weakest first. Kerberos ranks above the password and below mfa: a ticket
     * proves a domain logon (at least a password, typed into the operating system rather than a web page, so it
     * cannot be phished by a look-alike login page), but one factor, not two (docs/kerberos.md, "acr and amr").
     * A passkey or security key (phr) ranks above mfa: it cannot be replayed to another origin.
     */
    public static final List<String> LEVELS = List.of(PASSWORD, KERBEROS, MFA, PHR);

    /** The levels every configuration can reach; {@link #KERBEROS} is advertised only where a keytab is set. */
    public static final List<String> ALWAYS_REACHABLE = LEVELS.stream().filter(l -> !l.equals(KERBEROS)).toList();

    /** RFC 8176 §2 method names Tessera states in {@code amr}. */
    public static final String AMR_PASSWORD = "pwd";
    public static final String AMR_OTP = "otp";
    public static final String AMR_MFA = "mfa";
    /** RFC 8176 §2: a hardware-secured key (a WebAuthn credential that cannot leave its authenticator). */
    public static final String AMR_HWK = "hwk";
    /** RFC 8176 §2: a software-secured key (a synced passkey, whose key may be copied between devices). */
    public static final String AMR_SWK = "swk";
    /** RFC 8176 §2: a user presence test (WebAuthn's UP flag). */
    public static final String AMR_USER = "user";

    private AcrValues() {
    }

    /** The rank of a level in {@link #LEVELS}, or -1 for a value Tessera cannot reach. */
    public static int rank(String acr) {
        return acr == null ? -1 : LEVELS.indexOf(acr);
    }
}
