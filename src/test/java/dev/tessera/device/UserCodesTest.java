package dev.tessera.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserCodesTest {

    @Test
    void theAlphabetIsRfc8628sBase20WithoutVowelsDigitsOrLookAlikes() {
        assertThat(UserCodes.ALPHABET).isEqualTo("BCDFGHJKLMNPQRSTVWXZ");
        assertThat(UserCodes.ALPHABET.chars().distinct().count()).isEqualTo(20);
        // No vowel (no words can form), no Y, no digit, and so no O/0 or I/1 to confuse.
        assertThat(UserCodes.ALPHABET).doesNotContainPattern("[AEIOUY0-9]");
    }

    @Test
    void generatedCodesAreEightLettersShownAsTwoGroupsOfFour() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = UserCodes.generate();
            assertThat(code).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
            code.chars().filter(c -> c != '-').forEach(c -> seen.add((char) c));
        }
        // Every letter is used, so the code has its full log2(20^8) ≈ 34.6 bits.
        assertThat(seen).hasSize(20);
    }

    @Test
    void generatedCodesDoNotRepeatInPractice() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(UserCodes.generate());
        }
        assertThat(codes).hasSizeGreaterThan(9_990);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BCDF-GHJK", "bcdf-ghjk", "BCDFGHJK", "bcdfghjk", " BcDf GhJk ", "BC-DF-GH-JK", "bcdf\tghjk", "BCDF--GHJK", "BCDF_GHJK",
            "BCDF.GHJK", "(BCDF) GHJK!"})
    void normalizationIgnoresCasePunctuationAndWhiteSpace(String typed) {
        assertThat(UserCodes.normalize(typed)).hasValue("BCDFGHJK");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"BCDF-GHJ", "BCDF-GHJKL", "ABCD-EFGH", "BCDF-GHJ0", "BCDF-GHJ\u00c4", "BCDF-GHJ\u00df", "---",
            "BCDFGHJKBCDFGHJKBCDFGHJKBCDFGHJKB"})
    void anythingThatCannotBeACodeIsRefused(String typed) {
        assertThat(UserCodes.normalize(typed)).isEmpty();
    }

    @Test
    void theHashIsOfTheNormalizedFormAndHidesTheCode() {
        String hash = UserCodes.hash(UserCodes.normalize("bcdf-ghjk").orElseThrow());

        assertThat(hash).isEqualTo(UserCodes.hash(UserCodes.normalize("BCDFGHJK").orElseThrow()))
                .matches("[0-9a-f]{64}").doesNotContainIgnoringCase("BCDFGHJK");
        assertThat(hash).isNotEqualTo(UserCodes.hash("BCDFGHJL"));
    }

    @Test
    void displayFormRoundTripsThroughNormalization() {
        String code = UserCodes.generate();
        assertThat(UserCodes.display(UserCodes.normalize(code).orElseThrow())).isEqualTo(code);
    }
}
