package dev.tessera.config;

import java.time.Duration;

/**
 * Dynamic client registration (RFC 7591).
 *
 * @param open                 true lets anyone register a client without an initial access token. Off by
 *                             default: RFC 7591 §3 says the endpoint "MAY accept an initial access token
 *                             ... to limit registration to only previously authorized parties", and on an
 *                             intranet server every registered client can ask users for consent in its name
 * @param initialTokenLifetime how long an initial access token lives when the admin does not say
 */
public record RegistrationSettings(boolean open, Duration initialTokenLifetime) {
    public RegistrationSettings {
        if (initialTokenLifetime.isNegative() || initialTokenLifetime.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.REGISTRATION_INITIAL_TOKEN_LIFETIME + " must be positive");
        }
    }
}
