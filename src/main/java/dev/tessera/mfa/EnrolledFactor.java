package dev.tessera.mfa;

import java.time.Instant;

/**
 * A credential a person has enrolled, as the account page and the admin API show it.
 *
 * @param id         stable id within its type (a recovery-code set has one id, {@code recovery})
 * @param type       {@link SecondFactor#type()}
 * @param createdAt  when it was enrolled
 * @param lastUsedAt when it last proved the person, or null
 * @param remaining  recovery codes left unused; 0 for other types
 */
public record EnrolledFactor(String id, String type, Instant createdAt, Instant lastUsedAt, int remaining) {
}
