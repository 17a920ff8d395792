package dev.tessera.config;

import java.util.Optional;

/**
 * First-start provisioning.
 *
 * @param adminSecret      the secret of the bootstrap admin client tessera-admin; when empty, one is
 *                         generated and printed once
 * @param resetAdminSecret give the existing tessera-admin the configured {@code adminSecret} at this start:
 *                         how an operator who lost the secret gets back in (docs/operations.md)
 */
public record BootstrapSettings(Optional<String> adminSecret, boolean resetAdminSecret) {
    @Override
    public String toString() {
        return "BootstrapSettings[adminSecret=" + (adminSecret.isPresent() ? "(set)" : "(generate)") + ", reset=" + resetAdminSecret + "]";
    }
}
