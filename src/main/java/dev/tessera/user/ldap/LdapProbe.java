package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which configured directory servers answer, for {@code /health/ready}: each URL gets a connection of its
 * own (with StartTLS when configured) and a read of the root DSE. The answer is kept a few seconds, so a
 * load balancer polling readiness does not become the directory's busiest client.
 */
@ApplicationScoped
public class LdapProbe {
    static final Duration REUSE = Duration.ofSeconds(5);

    /** @param down each unreachable URL with the reason */
    public record Result(int answering, int total, List<String> down) {
        public boolean anyAnswering() {
            return answering > 0;
        }
    }

    private record Cached(Result result, Instant at) {
    }

    @Inject
    LdapConnections connections;

    @Inject
    Clock clock;

    private volatile Cached last;

    public LdapProbe() {
    }

    public LdapProbe(LdapConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    public Result probe() {
        Cached cached = last;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.at().plus(REUSE))) {
            return cached.result();
        }
        Result result = probeNow();
        last = new Cached(result, now);
        return result;
    }

    private Result probeNow() {
        connections.pool(); // a configuration that cannot work throws here, naming the key
        List<String> urls = connections.urls();
        List<String> down = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            try (LDAPConnection connection = connections.connect(i)) {
                connection.getRootDSE();
            } catch (LDAPException | RuntimeException e) {
                down.add(urls.get(i) + " (" + (e instanceof LDAPException l ? l.getResultCode() + ": " + l.getDiagnosticMessage() : e.getMessage()) + ")");
            }
        }
        return new Result(urls.size() - down.size(), urls.size(), List.copyOf(down));
    }
}
