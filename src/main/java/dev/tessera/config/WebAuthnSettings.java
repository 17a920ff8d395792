package dev.tessera.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Passkeys and security keys (issue 20 point 2, docs/strong-authentication.md).
 *
 * @param allowedAaguids    the authenticator models (AAGUIDs, lower case) a registration must name; empty: any, and
 *                          attestation {@code none} is asked (Web Authentication §5.4.7)
 * @param challengeLifetime how long a ceremony's challenge stays usable (also the browser's {@code timeout})
 */
public record WebAuthnSettings(List<String> allowedAaguids, Duration challengeLifetime) {
    public WebAuthnSettings {
        allowedAaguids = allowedAaguids.stream().map(a -> {
            try {
                return UUID.fromString(a.trim()).toString().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ConfigKeys.WEBAUTHN_ALLOWED_AAGUIDS + " must list AAGUIDs (UUIDs), not " + a, e);
            }
        }).toList();
        if (challengeLifetime.isNegative() || challengeLifetime.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.WEBAUTHN_CHALLENGE_LIFETIME + " must be positive");
        }
    }

    /** Whether a registration from this authenticator model may be kept. */
    public boolean allows(String aaguid) {
        return allowedAaguids.isEmpty() || (aaguid != null && allowedAaguids.contains(aaguid.toLowerCase(Locale.ROOT)));
    }
}
