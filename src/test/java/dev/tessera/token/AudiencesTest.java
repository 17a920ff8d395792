package dev.tessera.token;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.config.Issuer;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.oauth.OAuthError;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 8707 §2: token audiences from requested resources. */
class AudiencesTest {
    private static final String API = "https://api.example.com";
    private static final String REPORTS = "https://reports.example.com/v1";
    private final Audiences audiences = new Audiences();
    private final Client client = new Client("svc", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);

    AudiencesTest() {
        audiences.issuer = new Issuer("https://sso.example.com/");
        audiences.algorithms = new ResourceAlgorithms(Map.of());
        // Ordered, so the audience order can be asserted (Set.of iterates in a per-JVM random order).
        client.allowedResources(new LinkedHashSet<>(List.of(API, REPORTS)));
    }

    @Test
    void withoutARequestTheTokenIsForAllAllowedResources() {
        assertThat(audiences.resolve(client, List.of())).containsExactly(API, REPORTS);
    }

    @Test
    void withoutAllowedResourcesTheTokenIsForTheIssuer() {
        client.allowedResources(Set.of());
        assertThat(audiences.resolve(client, List.of())).containsExactly("https://sso.example.com");
    }

    @Test
    void requestedAllowedResourcesAreTheAudienceWithoutDuplicates() {
        assertThat(audiences.resolve(client, List.of(REPORTS))).containsExactly(REPORTS);
        assertThat(audiences.resolve(client, List.of(REPORTS, API, REPORTS))).containsExactly(REPORTS, API);
    }

    @Test
    void aResourceNotAllowedForTheClientIsInvalidTarget() {
        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of(API, "https://other.example.com")))
                .hasMessageContaining("https://other.example.com");
    }

    @Test
    void resourcesMatchExactly() {
        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of(API + "/")));
        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of("HTTPS://api.example.com")));
    }

    @Test
    void theIssuerIsNotAResourceUnlessAllowed() {
        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of("https://sso.example.com")));
    }

    @Test
    void aMalformedResourceIsInvalidTargetEvenWhenNoneAreAllowed() {
        client.allowedResources(Set.of());
        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of("/relative")));
        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of(API + "#frag")));
    }

    @Test
    void resourcesRequiringDifferentAlgorithmsAreRefusedBeforeAnyTokenIsMade() {
        audiences.algorithms = new ResourceAlgorithms(Map.of(API, "ES256", REPORTS, "RS256"));

        assertOAuthError(OAuthError.INVALID_TARGET, () -> audiences.resolve(client, List.of(API, REPORTS)))
                .hasMessageContaining("[ES256, RS256]");
        assertThat(audiences.resolve(client, List.of(API))).containsExactly(API);
    }
}
