package dev.tessera.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The polling rules of RFC 8628 §3.5, applied to a device code row the caller holds locked: what to
 * answer, and the row's new polling state. Final states come first (a redeemed, expired or denied code
 * answers the same however fast it is polled); approval is answered at once; only a pending code is
 * rate-limited, since slow_down is "a variant of authorization_pending". The first poll is never too
 * early: the interval is "the minimum amount of time in seconds that the client SHOULD wait
 * between polling requests" (§3.2), and there is none before the first.
 */
@ApplicationScoped
public class DevicePolling {
    /** RFC 8628 §3.5: slow_down, "the interval MUST be increased by 5 seconds". */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    @Inject
    Clock clock;

    public PollAnswer answer(DeviceCode code) {
        Instant now = clock.instant();
        if (code.consumedAt() != null) {
            return PollAnswer.REDEEMED;
        }
        if (!now.isBefore(code.expiresAt())) {
            return PollAnswer.EXPIRED_TOKEN;
        }
        switch (code.status()) {
            case DENIED:
                return PollAnswer.ACCESS_DENIED;
            case APPROVED:
                return PollAnswer.ISSUE;
            default:
                break;
        }
        Instant last = code.lastPolledAt();
        if (last != null && now.isBefore(last.plusSeconds(code.intervalSeconds()))) {
            code.slowedDown(now, SLOW_DOWN_STEP);
            return PollAnswer.SLOW_DOWN;
        }
        code.polled(now);
        return PollAnswer.AUTHORIZATION_PENDING;
    }
}
