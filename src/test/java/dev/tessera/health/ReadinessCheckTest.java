package dev.tessera.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadinessCheckTest {

    /** A part that counts how often it is asked, as a bean whose creation needs the started application would. */
    private record Part(int order, boolean ready, String key, AtomicInteger asked) implements ReadinessContributor {
        @Override
        public ReadinessPart assess() {
            asked.incrementAndGet();
            return ReadinessPart.of(ready, key, ready ? "UP" : "DOWN");
        }
    }

    @Test
    void aProbeBeforeTheApplicationStartedIsDownAndTouchesNoPart() {
        ReadinessCheck check = new ReadinessCheck();
        ReadinessPart answer = check.assess();
        assertThat(answer.ready()).isFalse();
        assertThat(answer.details()).containsOnlyKeys(ReadinessCheck.STARTING);
    }

    @Test
    void afterStartEveryPartIsAskedInOrderAndAllMustBeReady() {
        AtomicInteger asked = new AtomicInteger();
        ReadinessCheck check = new ReadinessCheck();
        check.started(List.of(new Part(2, true, "b", asked), new Part(1, true, "a", asked)));
        ReadinessPart up = check.assess();
        assertThat(up.ready()).isTrue();
        assertThat(up.details().keySet()).containsExactly("a", "b");
        assertThat(asked).hasValue(2);

        check.started(List.of(new Part(1, true, "a", asked), new Part(2, false, "b", asked)));
        assertThat(check.assess().ready()).isFalse();
        assertThat(asked).hasValue(4);
    }
}
