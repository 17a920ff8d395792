package dev.tessera.it;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthentication;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.PresentedCredentials;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A client authentication method Tessera does not ship, added to one test deployment as a single bean: the
 * client names itself with {@code client_id} and is believed when the request comes from a loopback address,
 * read from the request context. It shows that a method such as RFC 8705's {@code tls_client_auth} is one class.
 */
@ApplicationScoped
public class LoopbackPeerAuthentication implements ClientAuthentication {
    public static final String METHOD = "test_loopback_peer";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void verify(Client client, PresentedCredentials presented) {
        String peer = presented.request().peerAddress();
        if (presented.hasBasic() || presented.hasAssertion() || !(peer.startsWith("127.") || peer.equals("0:0:0:0:0:0:0:1"))) {
            throw ClientAuthenticator.failed(client, "is not on the loopback network: " + peer);
        }
    }
}
