package dev.tessera.trust;

import dev.tessera.client.SpaceSeparatedConverter;
import dev.tessera.persistence.FitsColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An issuer of JWT bearer assertions (RFC 7523 §2.1) an administrator trusts, one typed column per
 * setting. Subject, client and audience lists hold exact values, {@value #ANY} for any, or a prefix
 * ending in {@value #ANY}; no regular expressions, so no pattern can be made to run for long.
 */
@Entity
@Table(name = "trusted_issuer")
@FitsColumns(unbounded = "jwks")
public class TrustedIssuer {
    public static final String ANY = "*";

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "issuer", nullable = false, length = 500)
    private String issuer;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "jwks", length = 8000)
    private String jwks;

    @Column(name = "jwks_uri", length = 1000)
    private String jwksUri;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "algorithms", length = 200)
    private Set<String> algorithms = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "allowed_subjects", length = 4000)
    private Set<String> allowedSubjects = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "allowed_clients", length = 4000)
    private Set<String> allowedClients = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "allowed_audiences", length = 4000)
    private Set<String> allowedAudiences = Set.of();

    @Column(name = "subject_mapping", nullable = false, length = 16)
    private String subjectMapping;

    @Column(name = "max_assertion_lifetime")
    private Integer maxAssertionLifetimeSeconds;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TrustedIssuer() {
    }

    public TrustedIssuer(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether {@code value} is among {@code patterns}: exact, {@value #ANY}, or a prefix before a final {@value #ANY}. */
    static boolean matches(Set<String> patterns, String value) {
        for (String pattern : patterns) {
            if (pattern.equals(ANY) || pattern.equals(value)
                    || pattern.endsWith(ANY) && value.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    public boolean allowsSubject(String subject) { return matches(allowedSubjects, subject); }
    public boolean allowsClient(String clientId) { return matches(allowedClients, clientId); }
    /** Audiences are unrestricted (beyond the client's own) when the list is empty. */
    public boolean allowsAudience(String audience) { return allowedAudiences.isEmpty() || matches(allowedAudiences, audience); }

    public String id() { return id; }
    public String issuer() { return issuer; }
    public void issuer(String value) { issuer = value; }
    public boolean enabled() { return enabled; }
    public void enabled(boolean value) { enabled = value; }
    public String jwks() { return jwks; }
    public void jwks(String value) { jwks = value; }
    public String jwksUri() { return jwksUri; }
    public void jwksUri(String value) { jwksUri = value; }
    public Set<String> algorithms() { return algorithms; }
    public void algorithms(Set<String> value) { algorithms = ordered(value); }
    public Set<String> allowedSubjects() { return allowedSubjects; }
    public void allowedSubjects(Set<String> value) { allowedSubjects = ordered(value); }
    public Set<String> allowedClients() { return allowedClients; }
    public void allowedClients(Set<String> value) { allowedClients = ordered(value); }
    public Set<String> allowedAudiences() { return allowedAudiences; }
    public void allowedAudiences(Set<String> value) { allowedAudiences = ordered(value); }
    public SubjectMapping subjectMapping() { return SubjectMapping.fromWireName(subjectMapping).orElseThrow(); }
    public void subjectMapping(SubjectMapping value) { subjectMapping = value.wireName(); }
    public Integer maxAssertionLifetimeSeconds() { return maxAssertionLifetimeSeconds; }
    public void maxAssertionLifetimeSeconds(Integer value) { maxAssertionLifetimeSeconds = value; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public void touched(Instant now) { updatedAt = now; }

    private static Set<String> ordered(Set<String> value) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(value));
    }
}
