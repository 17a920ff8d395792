package dev.tessera.mfa.webauthn;

import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;

/** Ceremony challenges are kept only until they expire; the storage reaper deletes the rest in batches. */
@ApplicationScoped
public class ChallengeState implements ExpiringState {
    @Override
    public String entity() {
        return "WebAuthnChallenge";
    }

    @Override
    public String idAttribute() {
        return "challengeHash";
    }
}
