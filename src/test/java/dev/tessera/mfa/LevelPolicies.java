package dev.tessera.mfa;

import dev.tessera.config.MfaSettings;
import java.time.Duration;
import java.util.Set;

/** A {@link LevelPolicy} without a database, for unit tests of the grants that apply its floors. */
public final class LevelPolicies {
    private LevelPolicies() {
    }

    /**
     * @param minimumAcr    the server's {@code tessera.mfa.minimum-acr}
     * @param required      the people an administrator requires a second factor of
     * @param enrolled      the people who have a second factor
     * @param enrolAtSignIn {@code tessera.mfa.enrol-at-sign-in}
     */
    public static LevelPolicy of(String minimumAcr, Set<String> required, Set<String> enrolled, boolean enrolAtSignIn) {
        LevelPolicy policy = new LevelPolicy();
        policy.settings = new MfaSettings(minimumAcr, enrolAtSignIn, Duration.ofMinutes(10));
        policy.enrolments = new Enrolments() {
            @Override
            public boolean required(String subject) {
                return required.contains(subject);
            }

            @Override
            public boolean hasFactor(String subject) {
                return enrolled.contains(subject);
            }
        };
        return policy;
    }
}
