package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B §5.1.1.2's list check: common, sequential and personal passwords are guessable. */
class PasswordStrengthTest {
    private final PasswordStrength strength = new PasswordStrength();

    @Test
    void commonSequentialAndKeyboardPasswordsAreGuessable() {
        for (String password : new String[] {"password1234", "123456789012", "qwertyuiop12", "iloveyou2024", "tessera12345"}) {
            assertThat(strength.guessable(password, List.of())).as(password).isTrue();
        }
    }

    @Test
    void thePersonsOwnNamesMakeAPasswordGuessable() {
        assertThat(strength.guessable("zyxwillowbrook", List.of())).isFalse();
        assertThat(strength.guessable("zyxwillowbrook", List.of("zyxwillowbrook@example.com"))).isTrue();
    }

    @Test
    void aPhraseOfUnrelatedWordsIsNot() {
        assertThat(strength.guessable("quartz lantern orbit meadow", List.of("ada", "Ada Lovelace"))).isFalse();
    }
}
