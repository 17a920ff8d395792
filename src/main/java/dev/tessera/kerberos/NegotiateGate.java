package dev.tessera.kerberos;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.KerberosSettings;
import dev.tessera.http.IpBlocks;

/**
 * Who is offered Negotiate: only a client whose address ({@code RequestContext.peerAddress}, which believes forwarded
 * headers from trusted proxies only) lies in {@code tessera.kerberos.networks}, and only while Kerberos is configured.
 * Everyone else never sees a challenge: a browser outside the domain that gets one may prompt for Windows credentials
 * or try NTLM (docs/kerberos.md, "Why Negotiate is gated by network").
 */
public final class NegotiateGate {
    private final boolean enabled;
    private final IpBlocks networks;

    /** @throws IllegalArgumentException naming the key when a network is not a CIDR block */
    public NegotiateGate(KerberosSettings settings) {
        this.enabled = settings.enabled();
        try {
            this.networks = IpBlocks.parse(settings.networks());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKeys.KERBEROS_NETWORKS + ": " + e.getMessage(), e);
        }
    }

    public boolean offeredTo(String clientAddress) {
        return enabled && clientAddress != null && networks.contains(clientAddress);
    }

    /** Whether any client at all can be offered Negotiate. */
    public boolean open() {
        return enabled && !networks.isEmpty();
    }
}
