package dev.tessera.user;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.audit.AuditType;
import dev.tessera.audit.RecordingAuditLog;
import dev.tessera.oauth.OAuthError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin unlock: every counter of the person's username goes, and the audit log says who did it. */
class LoginUnlocksTest {
    final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    final LoginUnlocks unlocks = new LoginUnlocks();

    LoginUnlocksTest() {
        UserAccount alice = new UserAccount("sub-alice", "Alice", true, Map.of(), List.of());
        unlocks.users = new UserDirectory() {
            @Override
            public LoginResult authenticate(String username, String password, String clientAddress, String deviceCookie) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                return Optional.of(alice).filter(a -> a.subject().equals(subject));
            }
        };
        unlocks.throttle = new LoginThrottle();
        unlocks.throttle.failures = failures;
    }

    @Test
    void clearsEveryCounterOfTheUsernameAndWritesAnAuditLine() {
        String address = LoginThrottle.addressKey("192.0.2.1").orElseThrow();
        List.of(LoginThrottle.accountKey("alice"), LoginThrottle.pairKey("alice", address), LoginThrottle.deviceKey("alice", "d"),
                address, LoginThrottle.accountKey("bob")).forEach(k -> failures.rows.put(k, new LoginFailure(k, Instant.EPOCH)));
        RecordingAuditLog audit = new RecordingAuditLog();
        unlocks.audit = audit;
        unlocks.unlock("sub-alice", "ops-console");

        assertThat(failures.rows.keySet()).containsExactlyInAnyOrder(address, LoginThrottle.accountKey("bob"));
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.LOGIN_UNLOCKED);
            assertThat(e.actor()).isEqualTo("ops-console");
            assertThat(e.subject()).isEqualTo("sub-alice");
        });
    }

    @Test
    void anUnknownSubjectIsNotFound() {
        assertOAuthError(OAuthError.NOT_FOUND, () -> unlocks.unlock("nobody", "ops"));
    }
}
