package dev.tessera.mfa.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditType;
import dev.tessera.audit.RecordingAuditLog;
import dev.tessera.config.Issuer;
import dev.tessera.config.LoginSettings;
import dev.tessera.config.WebAuthnSettings;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.MigratedH2;
import dev.tessera.user.JpaUsers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The WebAuthn ceremonies without a browser: a software authenticator ({@link SoftAuthenticator}) registers and
 * signs, webauthn4j verifies, the credential and challenge tables are the real schema (Liquibase on in-memory H2,
 * EclipseLink). Proves what Chromium's virtual authenticator cannot show: a cloned credential, whose signature
 * counter went backwards, is refused and audited (Web Authentication §6.1.1, §7.2 step 21); and refused assertions
 * count in the second-step throttle of one-time codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyCeremoniesTest {
    private static final String ISSUER = "https://sso.example.com";
    private static final String RP_ID = "sso.example.com";
    private static final String BINDING = "http-session-1";
    private static final String IP = "192.0.2.7";
    private static final Duration LOCKOUT = Duration.ofMinutes(10);
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\":\"([^\"]+)\"");

    private final RecordingAuditLog audit = new RecordingAuditLog();
    private MigratedH2 database;
    private EntityManagerFactory emf;
    private Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @BeforeAll
    void migrate() throws Exception {
        database = new MigratedH2("webauthn");
        emf = database.emf();
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    @Test
    void theVerifierFlagsACounterThatWentBackwardsAsACloneAndPassesOneGoingForward() throws Exception {
        SoftAuthenticator authenticator = new SoftAuthenticator(ISSUER, RP_ID);
        Verifier verifier = new Verifier(ISSUER, RP_ID);
        String challenge = Secrets.random(32);
        Verifier.Registered registered = verifier.register(authenticator.register(challenge, 0), challenge, false);
        assertThat(registered.credentialId()).isEqualTo(authenticator.credentialId());

        String handle = PasskeyCeremonies.handle("alice");
        assertThat(verifier.authenticate(authenticator.sign(challenge, 5, handle), challenge, stored(registered, 0), true).signCount())
                .isEqualTo(5);
        for (long behind : List.of(3L, 5L)) {
            assertThatThrownBy(() -> verifier.authenticate(authenticator.sign(challenge, behind, handle), challenge, stored(registered, 5), false))
                    .as("counter %d after 5", behind).isInstanceOfSatisfying(Verifier.Refused.class, e -> assertThat(e.clone).isTrue());
        }
        assertThat(verifier.authenticate(authenticator.sign(challenge, 6, handle), challenge, stored(registered, 5), false).signCount())
                .isEqualTo(6);
        SoftAuthenticator other = new SoftAuthenticator(ISSUER, RP_ID);
        assertThatThrownBy(() -> verifier.authenticate(other.sign(challenge, 9, handle), challenge, stored(registered, 6), false))
                .as("another key's signature").isInstanceOfSatisfying(Verifier.Refused.class, e -> assertThat(e.clone).isFalse());
    }

    @Test
    void aClonedCredentialIsRefusedAndAuditedAsSecondFactorAndPasswordless() throws Exception {
        SoftAuthenticator authenticator = register("alice");
        assertThat(secondFactor("alice", authenticator, 5)).map(PasskeyCeremonies.Proof::subject).contains("alice");
        assertThat(secondFactor("alice", authenticator, 3)).as("the copy, behind the original").isEmpty();
        assertThat(lastOf("alice").type()).isEqualTo(AuditType.MFA_FAILED);
        assertThat(events("alice", AuditType.MFA_CLONE_SUSPECTED)).hasSize(1);
        assertThat(signCount("alice")).as("the stored counter stays").isEqualTo(5);

        String challenge = challengeOf(inTx(c -> c.authenticationOptions(null, BINDING)));
        assertThat(assertion(null, challenge, authenticator, 4, "alice")).as("passwordless copy").isEmpty();
        assertThat(events("alice", AuditType.MFA_CLONE_SUSPECTED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("credential", Passkeys.rowId(authenticator.credentialId())));

        String next = challengeOf(inTx(c -> c.authenticationOptions(null, BINDING)));
        assertThat(assertion(null, next, authenticator, 6, "alice"))
                .as("the original, going forward").map(PasskeyCeremonies.Proof::subject).contains("alice");
        assertThat(signCount("alice")).isEqualTo(6);
    }

    @Test
    void refusedAssertionsCountInTheSecondStepThrottleLikeCodes() throws Exception {
        SoftAuthenticator authenticator = register("bob");
        for (int i = 0; i < 2; i++) { // an assertion over a challenge the server never issued
            String forged = Secrets.random(32);
            assertThat(assertion("bob", forged, authenticator, 1, "bob")).isEmpty();
        }
        assertThat(secondFactor("bob", authenticator, 1)).as("a good one clears the count").isPresent();
        for (int i = 0; i < 2; i++) {
            assertThat(secondFactor("bob", authenticator, 1)).as("a replayed counter").isEmpty();
        }
        assertThat(throttled("bob")).as("2 failures, max 3").isFalse();
        String forged = Secrets.random(32);
        assertThat(assertion(null, forged, authenticator, 1, "bob"))
                .as("a passwordless failure counts against the credential's owner").isEmpty();
        assertThat(throttled("bob")).as("the lock SecondFactors.check reads for one-time codes").isTrue();

        assertThat(secondFactor("bob", authenticator, 2)).as("a valid assertion while locked").isEmpty();
        assertThat(lastOf("bob").detail()).containsEntry("reason", "throttled");
        now = now.plus(LOCKOUT).plusSeconds(1);
        assertThat(secondFactor("bob", authenticator, 2)).as("after the lockout").isPresent();
        assertThat(throttled("bob")).isFalse();
    }

    private SoftAuthenticator register(String subject) throws Exception {
        SoftAuthenticator authenticator = new SoftAuthenticator(ISSUER, RP_ID);
        String challenge = challengeOf(inTx(c -> c.registrationOptions(subject, subject, BINDING)));
        Optional<String> stored = inTx(c -> c.register(subject, BINDING, authenticator.register(challenge, 0), "key", IP));
        assertThat(stored).contains(Passkeys.rowId(authenticator.credentialId()));
        return authenticator;
    }

    private Optional<PasskeyCeremonies.Proof> secondFactor(String subject, SoftAuthenticator authenticator, long counter) {
        return assertion(subject, challengeOf(inTx(c -> c.authenticationOptions(subject, BINDING))), authenticator, counter, subject);
    }

    /** An assertion by {@code owner}'s authenticator; {@code subject} null: passwordless. */
    private Optional<PasskeyCeremonies.Proof> assertion(String subject, String challenge, SoftAuthenticator authenticator, long counter,
            String owner) {
        String json = sign(authenticator, challenge, counter, PasskeyCeremonies.handle(owner));
        return inTx(c -> c.authenticate(subject, BINDING, json, IP));
    }

    private static String sign(SoftAuthenticator authenticator, String challenge, long counter, String handle) {
        try {
            return authenticator.sign(challenge, counter, handle);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean throttled(String subject) {
        return inTx(c -> c.throttled(subject));
    }

    private long signCount(String subject) {
        return inTx(c -> c.passkeys.credentials(subject).get(0).signCount());
    }

    private List<AuditEvent> events(String subject, AuditType type) {
        return audit.events.stream().filter(e -> subject.equals(e.subject()) && e.type() == type).toList();
    }

    private AuditEvent lastOf(String subject) {
        List<AuditEvent> mine = audit.events.stream().filter(e -> subject.equals(e.subject())).toList();
        return mine.get(mine.size() - 1);
    }

    private static String challengeOf(String options) {
        Matcher m = CHALLENGE.matcher(options);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static WebAuthnCredential stored(Verifier.Registered r, long signCount) {
        return new WebAuthnCredential(Passkeys.rowId(r.credentialId()), r.credentialId(), "alice", Passkeys.userHandle("alice"), r.publicKey(),
                signCount, r.aaguid(), "key", r.transports(), true, r.backupEligible(), Instant.EPOCH);
    }

    /** One request: the ceremonies wired as CDI would, every bean on one EntityManager in one transaction. */
    private <T> T inTx(Function<PasskeyCeremonies, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(ceremonies(em));
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private PasskeyCeremonies ceremonies(EntityManager em) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        PasskeyCeremonies c = new PasskeyCeremonies();
        c.passkeys = new Passkeys();
        c.passkeys.em = em;
        c.settings = new WebAuthnSettings(List.of(), Duration.ofMinutes(5));
        c.challenges = new Challenges();
        c.challenges.em = em;
        c.challenges.settings = c.settings;
        c.challenges.clock = clock;
        c.issuer = new Issuer(ISSUER);
        c.audit = audit;
        c.clock = clock;
        c.throttle = JpaUsers.throttle(em, settings(), clock);
        return c;
    }

    static LoginSettings settings() {
        return new LoginSettings(3, 50, 50, Duration.ofMinutes(15), LOCKOUT, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofDays(90));
    }
}
