package dev.tessera.user;

/**
 * Fired when an administrator (or later the person) sets a new password. RFC 9700 §4.14.2: refresh
 * tokens should be revocable "at password change"; the refresh-token code observes this to do so.
 */
public record UserPasswordChanged(String subject) {
}
