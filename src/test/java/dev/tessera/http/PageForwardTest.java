package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class PageForwardTest {

    @Test
    void theErrorPageCarriesKindCodeDescriptionAndAReadableReference() {
        Response response = PageForward.error("signin", "invalid_request", "Unknown client");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        PageForward page = (PageForward) response.getEntity();
        assertThat(page.view()).isEqualTo(PageForward.ERROR_PAGE);
        assertThat(page.attributes()).containsEntry(PageForward.ERROR_KIND, "signin").containsEntry(PageForward.ERROR_CODE, "invalid_request")
                .containsEntry(PageForward.ERROR_DESCRIPTION, "Unknown client");
        assertThat(page.attributes().get(PageForward.ERROR_REFERENCE)).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    }

    @Test
    void referencesDiffer() {
        assertThat(PageForward.reference()).isNotEqualTo(PageForward.reference());
    }
}
