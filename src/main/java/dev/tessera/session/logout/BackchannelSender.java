package dev.tessera.session.logout;

import dev.tessera.client.ClientKeySource;
import dev.tessera.client.LogoutUriRules;
import dev.tessera.config.LogoutSettings;
import dev.tessera.config.OutboundSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * The POST of a logout token (OpenID Connect Back-Channel Logout 1.0 §2.5: "application/x-www-form-urlencoded"
 * with {@code logout_token}). Bounded three ways: connect and response timeouts
 * ({@code tessera.logout.backchannel.timeout}), no redirect followed (the token goes only where the client
 * registered), and a MicroProfile Fault Tolerance bulkhead, so slow applications occupy at most that many worker
 * threads per node (MicroProfile Config {@code dev.tessera.session.logout.BackchannelSender/post/Bulkhead/value}).
 * Retries are not here but in the outbox, which survives the node (see {@link BackchannelWorker}).
 *
 * <p>Server-side request forgery (RFC 9700 §4.5 notes, as for {@code jwks_uri}): https to a public address; a
 * private or loopback address only with {@code tessera.outbound.allow-private-networks}; plain http only on a
 * loopback IP literal an administrator registered, or with {@code tessera.outbound.allow-http}.
 */
@ApplicationScoped
public class BackchannelSender {

    @Inject
    LogoutSettings settings;

    @Inject
    OutboundSettings outbound;

    private volatile HttpClient http;

    /** The outcome of one attempt: delivered, or why not (short, safe for logs and the admin API). */
    public record Attempt(boolean delivered, String error) {
    }

    @Bulkhead(10)
    public Attempt post(URI target, String logoutToken) {
        String refusal = refusal(target);
        if (refusal != null) {
            return new Attempt(false, refusal);
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cache-Control", "no-store")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.US_ASCII)))
                .build();
        try {
            int status = client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            // §2.8: "the RP MUST respond with HTTP 200 OK"; OPs "should be prepared to also process an HTTP 204".
            return status == 200 || status == 204 ? new Attempt(true, null) : new Attempt(false, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Attempt(false, "timed out after " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Attempt(false, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, "interrupted");
        }
    }

    /** Why Tessera will not post to {@code target}, or null. */
    String refusal(URI target) {
        boolean loopbackHttp = LogoutUriRules.isLoopbackHttp(target);
        if (!"https".equals(target.getScheme()) && !loopbackHttp && !(outbound.allowHttp() && "http".equals(target.getScheme()))) {
            return "refused: not https";
        }
        if (loopbackHttp || outbound.allowPrivateNetworks()) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (ClientKeySource.isPrivate(address)) {
                    return "refused: private or loopback address";
                }
            }
        } catch (UnknownHostException e) {
            return "host not found";
        }
        return null;
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
            http = c;
        }
        return c;
    }
}
