package dev.tessera.config;

import dev.tessera.oauth.AcrValues;
import java.time.Duration;

/**
 * Second factors and the levels of sign-in (issue 20).
 *
 * @param minimumAcr   the server's floor: every authorization request needs at least this level
 * @param enrolAtSignIn whether a person asked for a level they have no factor for may enrol one at once, after the
 *                     password (otherwise a page says what is missing; an administrator's requirement always allows it)
 * @param freshFor     how long after a second step the account page changes factors without asking for a code
 */
public record MfaSettings(String minimumAcr, boolean enrolAtSignIn, Duration freshFor) {
    public MfaSettings {
        if (AcrValues.rank(minimumAcr) < 0) {
            throw new IllegalArgumentException(ConfigKeys.MFA_MINIMUM_ACR + " must be one of " + String.join(", ", AcrValues.LEVELS)
                    + ", not " + minimumAcr);
        }
        if (freshFor.isNegative()) {
            throw new IllegalArgumentException(ConfigKeys.MFA_FRESH_FOR + " must not be negative");
        }
    }
}
