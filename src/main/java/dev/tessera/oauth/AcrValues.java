package dev.tessera.oauth;

/**
 * The authentication context class references Tessera's sign-ins achieve (OpenID Connect Core §2 {@code acr}),
 * advertised as {@code acr_values_supported}; their meaning is documented in docs/authorization.md.
 */
public final class AcrValues {
    /** A password checked by one of the user stores. */
    public static final String PASSWORD = "urn:tessera:acr:password";
    /** A Kerberos ticket presented through SPNEGO (docs/kerberos.md); listed only where Kerberos is configured. */
    public static final String KERBEROS = "urn:tessera:acr:kerberos";

    private AcrValues() {
    }
}
