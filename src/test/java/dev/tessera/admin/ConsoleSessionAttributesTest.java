package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.http.PageSessions;
import org.junit.jupiter.api.Test;

/**
 * A finished sign-in ends the HTTP session unless it holds an attribute of Tessera's own (PageSessions). The console
 * keeps its operator and its own sign-in under way in the session: both must carry that prefix, or the console's
 * sign-in, which passes through the authorization endpoint, would lose its state, verifier and nonce on the way back.
 */
class ConsoleSessionAttributesTest {

    @Test
    void theConsolesSessionAttributesAreTesserasOwn() {
        assertThat(ConsoleOperator.ATTRIBUTE).startsWith(PageSessions.OWN_ATTRIBUTES);
        assertThat(ConsoleSignIn.PENDING).startsWith(PageSessions.OWN_ATTRIBUTES);
    }
}
