package dev.tessera.http;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.HttpSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The reverse proxies whose forwarded headers Tessera believes ({@value ConfigKeys#HTTP_TRUSTED_PROXIES}), parsed
 * once; a malformed entry stops the deployment with its name rather than silently trusting nobody.
 */
@ApplicationScoped
public class TrustedProxies {

    @Inject
    HttpSettings settings;

    private IpBlocks blocks = IpBlocks.none();
    private String clientCertHeader = "Client-Cert";

    public TrustedProxies() {
    }

    /** For tests. */
    public TrustedProxies(IpBlocks blocks, String clientCertHeader) {
        this.blocks = blocks;
        this.clientCertHeader = clientCertHeader;
    }

    @PostConstruct
    void parse() {
        try {
            blocks = IpBlocks.parse(settings.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKeys.HTTP_TRUSTED_PROXIES + ": " + e.getMessage(), e);
        }
        clientCertHeader = settings.clientCertHeader();
    }

    public IpBlocks blocks() {
        return blocks;
    }

    public String clientCertHeader() {
        return clientCertHeader;
    }
}
