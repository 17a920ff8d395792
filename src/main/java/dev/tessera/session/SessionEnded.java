package dev.tessera.session;

import java.util.List;

/**
 * An SSO session ended. Fired inside the transaction that removed it, so observers that must not lose it (the
 * back-channel outbox) write in that same transaction; observers of {@code AFTER_SUCCESS} revoke what was bound to it.
 *
 * @param sid     the session's public id, as ID tokens carry it
 * @param subject whose session it was
 * @param clients the clients that took part in it (received a code or token within it)
 * @param reason  why it ended
 * @param actor   who ended it: the person, an administrator's name, or {@code system}
 */
public record SessionEnded(String sid, String subject, List<String> clients, SessionEndReason reason, String actor) {

    public SessionEnded {
        clients = List.copyOf(clients);
    }
}
