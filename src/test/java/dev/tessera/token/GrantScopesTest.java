package dev.tessera.token;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.oauth.OAuthError;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6749 §3.3: requested scope within the allowed one, or the default when none is requested. */
class GrantScopesTest {
    private final GrantScopes scopes = new GrantScopes();
    private final Client client = new Client("svc", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);

    GrantScopesTest() {
        client.allowedScopes(Set.of("read", "write", "admin"));
        client.defaultScopes(Set.of("read"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void withoutARequestTheDefaultScopeIsGranted(String requested) {
        assertThat(scopes.granted(client, requested)).containsExactly("read");
    }

    @Test
    void theDefaultIsACopyTheCallerMayChange() {
        Set<String> granted = scopes.granted(client, null);
        granted.add("extra");

        assertThat(client.defaultScopes()).containsExactly("read");
    }

    @Test
    void withoutADefaultNothingIsGranted() {
        client.defaultScopes(Set.of());
        assertThat(scopes.granted(client, null)).isEmpty();
    }

    @Test
    void anAllowedRequestIsGrantedAsRequested() {
        assertThat(scopes.granted(client, "write read write")).containsExactly("write", "read");
        assertThat(scopes.granted(client, "admin")).containsExactly("admin");
    }

    @Test
    void askingForMoreIsRefusedNotTrimmed() {
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> scopes.granted(client, "read delete"))
                .hasMessageContaining("delete").hasMessageNotContaining("read");
    }

    @Test
    void scopesAreCaseSensitive() {
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> scopes.granted(client, "READ"));
    }

    @Test
    void aClientWithoutAllowedScopesGetsNone() {
        client.allowedScopes(Set.of());
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> scopes.granted(client, "read"));
    }

    @Test
    void malformedScopeIsInvalidScope() {
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> scopes.granted(client, "read \"write\""));
    }

    @Test
    void aDerivedScopeDefaultsToTheCeilingWithinTheAllowedScope() {
        assertThat(scopes.within(client, Set.of("read", "email", "write"), null)).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void aDerivedScopeMayNarrowButNeverWiden() {
        assertThat(scopes.within(client, Set.of("read", "write"), "write")).containsExactly("write");
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> scopes.within(client, Set.of("read"), "read write"))
                .hasMessageContaining("write");
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> scopes.within(client, Set.of("read", "email"), "email"));
    }
}
