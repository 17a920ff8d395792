package dev.tessera.authorize;

import dev.tessera.client.GrantTypeSource;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.GrantTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The implicit grant (RFC 6749 §4.2, OpenID Connect Core §3.2): served at the authorization endpoint, not the
 * token endpoint, so it has no grant handler; it is a grant type clients register (RFC 7591 §2.1: response
 * types {@code token} and {@code id_token} need it) and discovery lists (RFC 8414 §2 {@code grant_types_supported}).
 * A legacy, per-client opt-in (RFC 9700 §2.1.2).
 */
@ApplicationScoped
public class ImplicitGrant implements GrantTypeSource, MetadataContributor {

    @Override
    public Set<String> grantTypes() {
        return Set.of(GrantTypes.IMPLICIT);
    }

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.add(MetadataNames.GRANT_TYPES_SUPPORTED, List.of(GrantTypes.IMPLICIT));
    }
}
