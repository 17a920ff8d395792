package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The login page's return target: Tessera's own pages only, never an open redirect (RFC 9700 §4.11). */
class ReturnPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/ui/device-confirm.xhtml?flow=Ab_-09", "/ui/device.xhtml", "/ui/device.xhtml?user_code=BCDF-GHJK&x=%20"})
    void ownPagesAreAccepted(String path) {
        assertThat(ReturnPaths.safe(path)).hasValue(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example/ui/x.xhtml", "https://evil.example/ui/x.xhtml", "@evil.example/ui/x.xhtml",
            "/\\evil.example", "/ui//evil.example/x.xhtml", "/ui/../admin/x.xhtml", "/ui/..%2F..%2Fx.xhtml", "/ui/x.xhtml/../../y",
            "/ui/x.xhtml?a=b\r\nSet-Cookie:x=y", "/ui/x.xhtml?a=b c", "/ui/x.xhtml#fragment", "javascript:alert(1)",
            "/uix.xhtml", "/ui/", "/ui/x.jsp", "/authorize/resume?id=x", "ui/x.xhtml", "/ui/x.xhtml?next=//evil.example"})
    void anythingElseIsRefused(String path) {
        assertThat(ReturnPaths.safe(path)).isEmpty();
    }
}
