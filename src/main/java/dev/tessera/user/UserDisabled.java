package dev.tessera.user;

/** Fired when an account is disabled: its sessions and refresh tokens must stop working. */
public record UserDisabled(String subject) {
}
