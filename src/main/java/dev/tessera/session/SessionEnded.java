package dev.tessera.session;

/** An SSO session ended by logout; observers revoke what was bound to it. */
public record SessionEnded(String sid, String subject) {
}
