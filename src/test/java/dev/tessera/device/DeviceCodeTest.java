package dev.tessera.device;

import static dev.tessera.device.DeviceFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The person's side of the state machine: pending, then approved or denied, once. */
class DeviceCodeTest {

    @Test
    void aNewCodeIsPendingForItsLifetime() {
        DeviceCode code = DeviceFixtures.pending();

        assertThat(code.status()).isEqualTo(DeviceStatus.PENDING);
        assertThat(code.expiresAt()).isEqualTo(START.plus(DeviceFixtures.LIFETIME));
        assertThat(code.pendingAt(START)).isTrue();
        assertThat(code.pendingAt(code.expiresAt().minusMillis(1))).isTrue();
        assertThat(code.pendingAt(code.expiresAt())).isFalse();
    }

    @Test
    void approvalRecordsWhoAndHowTheySignedIn() {
        DeviceCode code = DeviceFixtures.pending();

        assertThat(DeviceFixtures.approve(code, START.plusSeconds(60))).isTrue();
        assertThat(code.status()).isEqualTo(DeviceStatus.APPROVED);
        assertThat(code.subject()).isEqualTo("sub-1");
        assertThat(code.authentication().authTime()).isEqualTo(START.plusSeconds(30));
        assertThat(code.authentication().amr()).containsExactly("pwd");
        assertThat(code.authentication().acr()).isEqualTo("urn:tessera:acr:password");
        assertThat(code.pendingAt(START.plusSeconds(61))).isFalse();
    }

    @Test
    void aDecisionIsFinal() {
        DeviceCode approved = DeviceFixtures.pending();
        DeviceFixtures.approve(approved, START);
        DeviceCode denied = DeviceFixtures.pending();
        DeviceFixtures.deny(denied, START);

        assertThat(DeviceFixtures.deny(approved, START.plusSeconds(1))).isFalse();
        assertThat(DeviceFixtures.approve(denied, START.plusSeconds(1))).isFalse();
        assertThat(approved.status()).isEqualTo(DeviceStatus.APPROVED);
        assertThat(denied.status()).isEqualTo(DeviceStatus.DENIED);
    }

    @Test
    void anExpiredCodeCannotBeDecided() {
        DeviceCode code = DeviceFixtures.pending();

        assertThat(DeviceFixtures.approve(code, code.expiresAt())).isFalse();
        assertThat(code.status()).isEqualTo(DeviceStatus.PENDING);
        assertThat(code.subject()).isNull();
    }

    @Test
    void slowingDownAddsTheStepToTheIntervalForGood() {
        DeviceCode code = DeviceFixtures.pending();
        code.slowedDown(START, DevicePolling.SLOW_DOWN_STEP);
        code.slowedDown(START.plusSeconds(1), DevicePolling.SLOW_DOWN_STEP);

        assertThat(code.intervalSeconds()).isEqualTo(15);
        assertThat(code.lastPolledAt()).isEqualTo(START.plusSeconds(1));
    }
}
