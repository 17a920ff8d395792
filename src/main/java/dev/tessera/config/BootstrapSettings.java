package dev.tessera.config;

import java.util.Optional;

/**
 * First-start provisioning.
 *
 * @param adminSecret the secret of the bootstrap admin client tessera-admin; when empty, one is
 *                    generated and printed once
 */
public record BootstrapSettings(Optional<String> adminSecret) {
    @Override
    public String toString() {
        return "BootstrapSettings[adminSecret=" + (adminSecret.isPresent() ? "(set)" : "(generate)") + "]";
    }
}
