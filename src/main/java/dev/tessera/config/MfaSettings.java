package dev.tessera.config;

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
}
