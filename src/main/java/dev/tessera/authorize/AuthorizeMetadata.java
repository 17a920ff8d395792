package dev.tessera.authorize;

import dev.tessera.client.ClientMetadataPolicy;
import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.keys.KeyRotationService;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.Pkce;
import dev.tessera.claims.ScopeClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/** Advertises the authorization endpoint and what it supports (RFC 8414 §2, OpenID Connect Discovery §3). */
@ApplicationScoped
public class AuthorizeMetadata implements MetadataContributor {
    @Inject
    Issuer issuer;

    @Inject
    KeyRotationService keys;

    @Override
    public void contribute(ProviderMetadata m) {
        m.set("authorization_endpoint", issuer.endpoint("/authorize"))
                .add("response_types_supported", ClientMetadataPolicy.knownResponseTypes())
                .add("response_modes_supported", Arrays.stream(ResponseMode.values()).map(ResponseMode::wireName).toList())
                .add("code_challenge_methods_supported", List.of(Pkce.S256, Pkce.PLAIN))
                .set("authorization_response_iss_parameter_supported", true)
                .add("id_token_signing_alg_values_supported", keys.enabledAlgorithms().stream().map(SigningAlgorithm::jwsName).toList())
                .add("scopes_supported", List.of("openid", "profile", "email", "address", "phone", "offline_access", "groups"))
                .add("claims_supported", List.copyOf(ScopeClaims.all()))
                .set("claims_parameter_supported", true)
                .set("request_parameter_supported", false)
                // OpenID Connect Discovery §3: request_uri_parameter_supported defaults to true, so say false.
                .set("request_uri_parameter_supported", false)
                .add("prompt_values_supported", List.copyOf(AuthorizeChecks.PROMPTS))
                .add("display_values_supported", List.copyOf(AuthorizeChecks.DISPLAYS))
                .add("acr_values_supported", AcrValues.ALWAYS_REACHABLE)
                .add("claim_types_supported", List.of("normal"));
    }
}
