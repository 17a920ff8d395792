package dev.tessera.user;

import static dev.tessera.oauth.OAuthAssertions.thrown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.PasswordSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.persistence.EntityColumns;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Creating and changing users over an in-memory table; the events the token code will observe. */
class UserAdministrationTest {
    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final InMemoryUsers users = new InMemoryUsers();
    private final List<Object> fired = new ArrayList<>();
    private final UserAdministration admin = new UserAdministration();

    UserAdministrationTest() {
        PasswordSettings settings = new PasswordSettings(10, 64, 1, 1);
        admin.repository = users;
        admin.hasher = new PasswordHasher(settings);
        admin.policy = new PasswordPolicy();
        admin.policy.settings = settings;
        admin.clock = clock;
        admin.events = new RecordingEvent(fired);
    }

    @Test
    void createAssignsARandomSubjectAndHashesThePassword() {
        User alice = admin.create(TestUsers.full("Alice"), true, "long enough");
        User bob = admin.create(TestUsers.minimal("bob"), false, null);

        assertThat(alice.subject()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}").isNotEqualTo(bob.subject());
        assertThat(alice.passwordHash()).startsWith("$argon2id$");
        assertThat(admin.hasher.verify("long enough", alice.passwordHash())).isTrue();
        assertThat(alice.passwordChangedAt()).isEqualTo(clock.instant());
        assertThat(bob.passwordHash()).isNull();
        assertThat(bob.enabled()).isFalse();
        assertThat(fired).isEmpty();
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        User alice = admin.create(TestUsers.minimal("alice"), true, null);
        User bob = admin.create(TestUsers.minimal("bob"), true, null);

        assertConflict(() -> admin.create(TestUsers.minimal("ALICE"), true, null));
        assertConflict(() -> admin.update(bob.subject(), TestUsers.minimal("Alice"), null));
        assertThat(admin.update(alice.subject(), TestUsers.minimal("Alice"), null).username()).as("renaming oneself").isEqualTo("Alice");
    }

    @Test
    void passwordPolicyCountsCharactersNotBytes() {
        assertInvalid(() -> admin.create(TestUsers.minimal("a"), true, "123456789"), "password must be at least 10 characters");
        assertInvalid(() -> admin.create(TestUsers.minimal("a"), true, "x".repeat(257)), "password must be at most 256 characters");
        assertInvalid(() -> admin.create(TestUsers.minimal("a"), true, " ".repeat(12)), "password must not be only spaces");
        assertThat(admin.create(TestUsers.minimal("a"), true, "\uD83D\uDD11".repeat(10)).passwordHash()).isNotNull();
    }

    @Test
    void settingAPasswordFiresUserPasswordChanged() {
        User alice = admin.create(TestUsers.minimal("alice"), true, null);
        clock.advance(Duration.ofMinutes(1));

        admin.setPassword(alice.subject(), "a new password");

        assertThat(admin.hasher.verify("a new password", alice.passwordHash())).isTrue();
        assertThat(alice.passwordChangedAt()).isEqualTo(clock.instant());
        assertThat(fired).containsExactly(new UserPasswordChanged(alice.subject()));
    }

    @Test
    void disablingFiresUserDisabledOnceAndEnablingFiresNothing() {
        User alice = admin.create(TestUsers.minimal("alice"), true, null);

        admin.setEnabled(alice.subject(), false);
        admin.setEnabled(alice.subject(), false);
        admin.update(alice.subject(), TestUsers.minimal("alice"), null);
        assertThat(alice.enabled()).as("a replace without enabled keeps the state").isFalse();
        admin.setEnabled(alice.subject(), true);
        admin.update(alice.subject(), TestUsers.minimal("alice"), false);

        assertThat(fired).containsExactly(new UserDisabled(alice.subject()), new UserDisabled(alice.subject()));
    }

    @Test
    void deletingFiresUserDeletedAndUnknownSubjectsAre404() {
        User alice = admin.create(TestUsers.minimal("alice"), true, null);

        admin.delete(alice.subject());

        assertThat(users.rows).isEmpty();
        assertThat(fired).containsExactly(new UserDeleted(alice.subject()));
        assertThatThrownBy(() -> admin.delete(alice.subject())).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.NOT_FOUND));
        assertThatThrownBy(() -> admin.setPassword("nobody", "long enough")).isInstanceOf(OAuthException.class);
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthError.CONFLICT);
            assertThat(e.error().status()).isEqualTo(409);
        });
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            assertThat(e.description()).isEqualTo(description);
        });
    }

    /** Records fired events; the container's Event is not available in a unit test. */
    record RecordingEvent(List<Object> fired) implements Event<Object> {
        @Override
        public void fire(Object event) {
            fired.add(event);
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<Object> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    /** Issue 18 point 1: every text column at its length fits and one past is refused naming the column. */
    @Test
    void everyTextColumnOfAUserTakesItsLengthAndRefusesOneMore() throws Exception {
        EntityColumns.assertEachColumnTakesItsLengthAndRefusesOneMore(new User("sub-1", TestUsers.minimal("alice"), clock.instant()));
    }

    @Test
    void aProfileLongerThanItsColumnIsInvalidRequestNamingTheFieldNotAFailedWrite() {
        UserProfile longName = new UserProfile("alice", "n".repeat(256), null, null, null, null, null, null, null, null, false,
                null, null, null, null, null, false, null, null);
        OAuthException refused = thrown(OAuthError.INVALID_REQUEST, () -> admin.create(longName, true, null));
        assertThat(refused.description()).startsWith("name is longer than the 255 characters");
        User alice = admin.create(TestUsers.minimal("alice"), true, null);
        assertThat(thrown(OAuthError.INVALID_REQUEST, () -> admin.update(alice.subject(), longName, null)).description())
                .startsWith("name is longer than the 255 characters");
    }
}
