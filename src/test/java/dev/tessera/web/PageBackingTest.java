package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageBackingTest {

    @Test
    void theLanguageSwitchKeepsTheQueryButItsOwnParameter() {
        assertThat(PageBacking.withoutLanguage("client_id=a&lang=de&state=x")).isEqualTo("client_id=a&state=x");
        assertThat(PageBacking.withoutLanguage("lang=fr")).isEmpty();
        assertThat(PageBacking.withoutLanguage("language=x&lang")).isEqualTo("language=x");
        assertThat(PageBacking.withoutLanguage(null)).isEmpty();
    }
}
