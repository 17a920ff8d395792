package dev.tessera.userinfo;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Advertises the UserInfo endpoint (OpenID Connect Discovery §3 userinfo_endpoint). */
@ApplicationScoped
public class UserinfoMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set("userinfo_endpoint", issuer.endpoint(Endpoints.USERINFO));
    }
}
