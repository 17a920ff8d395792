package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FacesPathsFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/login.xhtml", "/device-confirm.xhtml", "/missing.xhtml", "/jakarta.faces.resource/faces.js"})
    void pagesAndFacesResourcesGoOn(String pathInfo) {
        assertThat(FacesPathsFilter.namesAView(pathInfo)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"/", "/tessera.css", "/login", "/login.xhtml/", "/login.XHTML", "/jakarta.faces.resource"})
    void everythingElseIsNotAPage(String pathInfo) {
        assertThat(FacesPathsFilter.namesAView(pathInfo)).isFalse();
    }
}
