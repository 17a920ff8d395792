package dev.tessera.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A client that took part in an SSO session: it received an authorization code or token within it, so the
 * session's end must reach it (OpenID Connect Back-Channel Logout 1.0 §2.1: the OP sends a logout token "to each
 * RP that has a session with the user" in it).
 */
@Entity
@Table(name = "sso_session_client")
@IdClass(SessionParticipant.Key.class)
public class SessionParticipant {
    @Id
    @Column(name = "sid", length = 64)
    private String sid;

    @Id
    @Column(name = "client_id", length = 128)
    private String clientId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected SessionParticipant() {
    }

    SessionParticipant(String sid, String clientId, Instant joinedAt) {
        this.sid = sid;
        this.clientId = clientId;
        this.joinedAt = joinedAt;
    }

    public String sid() { return sid; }
    public String clientId() { return clientId; }
    public Instant joinedAt() { return joinedAt; }

    /** The composite key (sid, client_id). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String sid;
        private String clientId;

        public Key() {
        }

        public Key(String sid, String clientId) {
            this.sid = sid;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sid, k.sid) && Objects.equals(clientId, k.clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sid, clientId);
        }
    }
}
