package dev.tessera.user;

/** Fired when an account is deleted: everything issued to its subject must stop working. */
public record UserDeleted(String subject) {
}
