package dev.tessera.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import dev.tessera.config.KeyEncryptionSecret;
import dev.tessera.keys.KeyEncryptor;
import dev.tessera.persistence.MigratedH2;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * TOTP credentials and recovery codes against the real schema (Liquibase on in-memory H2, EclipseLink as Payara
 * runs it): the secret is encrypted at rest, a first code confirms, a code is accepted once and never again in its
 * window, not even by a second node (another entity manager), and a recovery code works once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:10Z");

    private MigratedH2 database;
    private EntityManagerFactory emf;
    private Connection keepAlive;
    private final KeyEncryptor encryptor = new KeyEncryptor(new KeyEncryptionSecret("a test passphrase for the secrets", true));
    private final Totp totp = new Totp();

    @BeforeAll
    void migrate() throws Exception {
        database = new MigratedH2("mfa");
        emf = database.emf();
        keepAlive = database.connection();
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    @Test
    void aCodeIsAcceptedOnceOnAnyNodeAndTheSecretIsEncrypted() throws Exception {
        TotpCredentials.Enrolment enrolment = inTx(T0, t -> t.begin("alice", "alice"));
        assertThat(enrolment.secret()).hasSize(32); // 160 bits, base32
        assertThat(enrolment.uri()).startsWith("otpauth://totp/sso.example.com:alice?secret=" + enrolment.secret())
                .contains("issuer=sso.example.com");
        try (ResultSet row = keepAlive.createStatement().executeQuery("SELECT secret FROM mfa_totp WHERE id = '" + enrolment.id() + "'")) {
            row.next();
            assertThat(row.getString(1)).startsWith("v1.").doesNotContain(enrolment.secret());
        }
        byte[] secret = Base32.decode(enrolment.secret());
        assertThat((boolean) inTx(T0, t -> t.verify("alice", code(secret, T0)))).as("unconfirmed").isFalse();
        assertThat((boolean) inTx(T0, t -> t.confirm("alice", enrolment.id(), "000000".equals(code(secret, T0)) ? "111111" : "000000"))).isFalse();
        assertThat((boolean) inTx(T0, t -> t.confirm("alice", enrolment.id(), code(secret, T0)))).isTrue();
        assertThat((boolean) inTx(T0, t -> t.verify("alice", code(secret, T0)))).as("the confirming code replayed").isFalse();

        Instant later = T0.plusSeconds(30);
        String next = code(secret, later);
        assertThat((boolean) inTx(later, t -> t.verify("alice", next))).isTrue();
        assertThat((boolean) inTx(later, t -> t.verify("alice", next))).as("replay on the same node").isFalse();
        assertThat((boolean) inTx(later.plusSeconds(20), t -> t.verify("alice", next))).as("replay in the next step, still in the window").isFalse();
        assertThat((boolean) inTx(later, t -> t.verify("alice", code(secret, T0)))).as("an older step").isFalse();
        assertThat((boolean) inTx(later, t -> t.verify("bob", next))).as("another person").isFalse();

        Instant muchLater = T0.plusSeconds(300);
        String fresh = code(secret, muchLater);
        assertThat((boolean) inTx(muchLater.minusSeconds(60), t -> t.verify("alice", fresh))).as("two steps ahead: outside the window").isFalse();
        // Two nodes check the same new code at once: the conditional update lets exactly one through.
        EntityManager node1 = emf.createEntityManager();
        EntityManager node2 = emf.createEntityManager();
        node1.getTransaction().begin();
        node2.getTransaction().begin();
        boolean first = credentials(node1, muchLater).verify("alice", fresh);
        node1.getTransaction().commit();
        boolean second = credentials(node2, muchLater).verify("alice", fresh);
        node2.getTransaction().commit();
        node1.close();
        node2.close();
        assertThat(List.of(first, second)).containsExactly(true, false);
        assertThat((List<EnrolledFactor>) inTx(T0, t -> t.enrolled("alice"))).hasSize(1);
        assertThat((int) inTx(T0, t -> t.remove("alice", null))).isEqualTo(1);
    }

    @Test
    void recoveryCodesWorkOnceAndTellThePersonOnce() {
        List<String> codes = recovery(T0, r -> r.generate("carol"));
        assertThat(codes).hasSize(RecoveryCodes.COUNT).allMatch(c -> c.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")).doesNotHaveDuplicates();
        String code = codes.get(3).toLowerCase().replace("-", " ");
        assertThat((boolean) recovery(T0, r -> r.verify("dave", code))).isFalse();
        assertThat((boolean) recovery(T0, r -> r.verify("carol", code))).isTrue();
        assertThat((boolean) recovery(T0, r -> r.verify("carol", code))).as("a second use").isFalse();
        assertThat(recovery(T0, r -> r.enrolled("carol")).get(0).remaining()).isEqualTo(RecoveryCodes.COUNT - 1);
        assertThat((Instant) recovery(T0, r -> r.noticeDue("carol", T0))).as("not before the use").isNull();
        assertThat((Instant) recovery(T0, r -> r.noticeDue("carol", T0.plusSeconds(60)))).isEqualTo(T0);
        recovery(T0, r -> { r.noticeShown("carol"); return null; });
        assertThat((Instant) recovery(T0, r -> r.noticeDue("carol", T0.plusSeconds(60)))).isNull();
        recovery(T0, r -> r.generate("carol"));
        assertThat((boolean) recovery(T0, r -> r.verify("carol", codes.get(4)))).as("replaced codes").isFalse();
    }

    private String code(byte[] secret, Instant at) {
        return totp.code(secret, Totp.stepAt(at));
    }

    private <T> T inTx(Instant now, Function<TotpCredentials, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(credentials(em, now));
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private <T> T recovery(Instant now, Function<RecoveryCodes, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            RecoveryCodes codes = new RecoveryCodes();
            codes.em = em;
            codes.clock = Clock.fixed(now, ZoneOffset.UTC);
            T result = work.apply(codes);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private TotpCredentials credentials(EntityManager em, Instant now) {
        TotpCredentials credentials = new TotpCredentials();
        credentials.em = em;
        credentials.encryptor = encryptor;
        credentials.issuer = new Issuer("https://sso.example.com");
        credentials.clock = Clock.fixed(now, ZoneOffset.UTC);
        return credentials;
    }
}
