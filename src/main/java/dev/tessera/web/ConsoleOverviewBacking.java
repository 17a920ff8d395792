package dev.tessera.web;

import dev.tessera.cluster.Invalidations;
import dev.tessera.config.UserStoreSettings;
import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import dev.tessera.user.ldap.LdapDiagnostics;
import dev.tessera.user.ldap.LdapUserStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;

/**
 * The console's overview: this node's readiness, part by part, as {@code /health/ready} reports it (database, keys,
 * directory, crypto provider, admin guard); the signing keys (from {@link ConsoleKeysBacking}); the members of the
 * cluster; each directory server with its latency; and the token and sign-in counters of this node's metrics registry,
 * since it started and per minute ({@link ConsoleRates}).
 */
@Named("consoleOverview")
@RequestScoped
public class ConsoleOverviewBacking {
    /** One fact of the readiness, or one counter. */
    public record Fact(String name, String value) {
    }

    @Inject
    Instance<ReadinessContributor> readiness;

    @Inject
    ConsoleRates rates;

    @Inject
    Invalidations invalidations;

    @Inject
    UserStoreSettings stores;

    @Inject
    LdapDiagnostics diagnostics;

    public List<Fact> getReadiness() {
        return readiness.stream().sorted(Comparator.comparingInt(ReadinessContributor::order)).map(ReadinessContributor::assess)
                .flatMap(p -> p.details().entrySet().stream()).map(e -> new Fact(e.getKey(), e.getValue())).toList();
    }

    public boolean isReady() {
        return readiness.stream().map(ReadinessContributor::assess).allMatch(ReadinessPart::ready);
    }

    /** Token requests (issued, error) and sign-ins by outcome, on this node since it started. */
    public List<Fact> getCounters() {
        return rates.totals().entrySet().stream().map(e -> new Fact(e.getKey(), String.valueOf(Math.round(e.getValue())))).toList();
    }

    /** The same per minute, over the last minute. */
    public List<Fact> getRates() {
        return rates.perMinute().entrySet().stream().map(e -> new Fact(e.getKey(), String.valueOf(e.getValue()))).toList();
    }

    /** The nodes this one shares its caches with (the data grid's members), this one included; empty without a grid. */
    public List<String> getMembers() {
        return invalidations.memberAddresses();
    }

    /** Each configured directory server, whether it answers and its latency (when the ldap store is on). */
    public List<LdapDiagnostics.Server> getLdapServers() {
        return stores.stores().contains(LdapUserStore.ID) ? diagnostics.servers() : List.of();
    }
}
