package dev.tessera.mfa;

import dev.tessera.oauth.AcrValues;

/**
 * The level an authorization request needs.
 *
 * @param acr        the weakest level that satisfies it ({@link AcrValues#LEVELS}); null when nothing beyond a sign-in
 * @param essential  whether failing to reach it must fail the request: an essential {@code acr} claim (OpenID Connect
 *                   Core §5.5.1.1) or a floor (client, server, administrator); {@code acr_values} alone is voluntary
 *                   (§3.1.2.1), so a person who cannot reach it is signed in at the level they have
 * @param unreachable an essential acr naming only values Tessera cannot reach
 */
public record AcrRequirement(String acr, boolean essential, boolean unreachable) {

    public static final AcrRequirement NONE = new AcrRequirement(null, false, false);

    /**
     * Whether a session at {@code sessionAcr} meets it. The password level is met by any sign-in (a level another
     * helper's sign-in reaches without a password, such as Kerberos, is at least that); higher ones by their rank.
     */
    public boolean metBy(String sessionAcr) {
        int needed = AcrValues.rank(acr);
        return !unreachable && (needed <= 0 || AcrValues.rank(sessionAcr) >= needed);
    }

    /** Whether reaching it needs a second factor. */
    public boolean needsSecondFactor() {
        return AcrValues.rank(acr) >= AcrValues.rank(AcrValues.MFA);
    }
}
