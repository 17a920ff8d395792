package dev.tessera.user;

import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether a password a person chooses is one attackers try first. NIST SP 800-63B §5.1.1.2: verifiers "SHALL compare
 * the prospective secrets against a list that contains values known to be commonly-used, expected, or compromised",
 * such as "passwords obtained from previous breach corpuses", "dictionary words", "repetitive or sequential
 * characters" and "context-specific words, such as the name of the service, the username". zxcvbn's estimate covers
 * all four (its dictionaries, keyboard walks, repeats and sequences, and the person's own names given as inputs);
 * below {@value #MIN_SCORE} (fewer than about a million guesses) the password is refused.
 */
@ApplicationScoped
public class PasswordStrength {
    /** zxcvbn's scores: 0 fewer than 10^3 guesses, 1 fewer than 10^6, 2 fewer than 10^8, ... */
    static final int MIN_SCORE = 2;
    private static final String SERVICE = "tessera";

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** @param personal the person's own words (username, names, email), which make a password guessable to whoever knows them */
    public boolean guessable(String password, List<String> personal) {
        List<String> inputs = new ArrayList<>();
        for (String word : personal.stream().filter(Objects::nonNull).toList()) {
            inputs.add(word);
            // "ada.lovelace@example.com" gives away "ada" and "lovelace" too.
            Arrays.stream(word.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 3).forEach(inputs::add);
        }
        inputs.add(SERVICE);
        return zxcvbn.measure(password, inputs).getScore() < MIN_SCORE;
    }
}
