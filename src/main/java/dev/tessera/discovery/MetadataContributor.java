package dev.tessera.discovery;

/**
 * Implemented by each capability that has something to advertise: the token endpoint adds itself and
 * its grant types, the keys add {@code jwks_uri}. Discovery then lists exactly what is deployed and
 * enabled, and grows with each capability without a central list to forget to update.
 */
public interface MetadataContributor {
    void contribute(ProviderMetadata metadata);
}
