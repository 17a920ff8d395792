package dev.tessera.consent;

import dev.tessera.client.SpaceSeparatedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The scopes a user has approved for a client, so the consent page is not shown again for them. */
@Entity
@Table(name = "consent")
@IdClass(Consent.Key.class)
public class Consent {
    @Id
    @Column(name = "subject", length = 255)
    private String subject;

    @Id
    @Column(name = "client_id", length = 128)
    private String clientId;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "scopes")
    private Set<String> scopes = Set.of();

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected Consent() {
    }

    Consent(String subject, String clientId, Set<String> scopes, Instant grantedAt) {
        this.subject = subject;
        this.clientId = clientId;
        this.scopes = Set.copyOf(scopes);
        this.grantedAt = grantedAt;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public String clientId() {
        return clientId;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    void add(Set<String> more, Instant now) {
        Set<String> all = new LinkedHashSet<>(scopes);
        all.addAll(more);
        scopes = Set.copyOf(all);
        grantedAt = now;
    }

    /** The composite key: one row per user and client. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String subject;
        public String clientId;

        public Key() {
        }

        public Key(String subject, String clientId) {
            this.subject = subject;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && subject.equals(k.subject) && clientId.equals(k.clientId);
        }

        @Override
        public int hashCode() {
            return subject.hashCode() * 31 + clientId.hashCode();
        }
    }
}
