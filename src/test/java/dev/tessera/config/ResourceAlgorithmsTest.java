package dev.tessera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tessera.tokens.resource-algorithms: parsing, validation against the enabled keys, and the choice per audience. */
class ResourceAlgorithmsTest {
    private static final List<String> ENABLED = List.of("RS256", "ES256", "EdDSA");

    @Test
    void entriesAreSeparatedByCommasOrWhiteSpaceAndTheAlgorithmFollowsTheLastEquals() {
        ResourceAlgorithms parsed = ResourceAlgorithms.parse(
                " https://api.example.com=ES256,\n https://r.example.com/x?tenant=a=EdDSA  urn:billing=RS256 ", ENABLED);

        assertThat(parsed.byResource()).isEqualTo(Map.of("https://api.example.com", "ES256",
                "https://r.example.com/x?tenant=a", "EdDSA", "urn:billing", "RS256"));
        assertThat(ResourceAlgorithms.parse("", ENABLED).byResource()).isEmpty();
        assertThat(ResourceAlgorithms.parse(null, ENABLED).byResource()).isEmpty();
    }

    @Test
    void aMalformedOrUnusableEntryStopsTheDeploymentNamingTheKey() {
        assertThatThrownBy(() -> ResourceAlgorithms.parse("https://api.example.com", ENABLED))
                .hasMessageStartingWith("tessera.tokens.resource-algorithms: entries are resource=ALG");
        assertThatThrownBy(() -> ResourceAlgorithms.parse("https://api.example.com=", ENABLED))
                .hasMessageContaining("entries are resource=ALG");
        assertThatThrownBy(() -> ResourceAlgorithms.parse("=ES256", ENABLED)).hasMessageContaining("entries are resource=ALG");
        assertThatThrownBy(() -> ResourceAlgorithms.parse("urn:a=PS256", ENABLED))
                .hasMessageContaining("PS256 (for urn:a) is not one of the enabled algorithms")
                .hasMessageContaining("tessera.keys.algorithms");
        assertThatThrownBy(() -> ResourceAlgorithms.parse("urn:a=ES256 urn:a=RS256", ENABLED))
                .hasMessageContaining("urn:a is listed twice");
    }

    @Test
    void theAudiencesRequireAtMostOneAlgorithm() {
        ResourceAlgorithms algorithms = new ResourceAlgorithms(Map.of("urn:a", "ES256", "urn:b", "ES256", "urn:c", "RS256"));

        assertThat(algorithms.requiredBy(List.of("urn:x"))).isEmpty();
        assertThat(algorithms.requiredBy(List.of("urn:x", "urn:a", "urn:b"))).contains("ES256");
        assertThatThrownBy(() -> algorithms.requiredBy(List.of("urn:a", "urn:c")))
                .hasMessage("these resources require different signing algorithms [ES256, RS256]; request a token for each separately");
    }
}
