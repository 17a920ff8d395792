package dev.tessera.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of {@link PeersBench}: per workload, each server's requests per server CPU-second (median over rounds,
 * and each round), rate, p50/p99, CPU, RSS and errors, Tessera's ratio to each peer, and for the JWT workloads the raw
 * signing ceiling of the same run (mean of before and after the load) and each server's share of it; for the sign-in
 * the raw ceiling of each server's password hash and its share.
 */
final class PeersTable {
    private final SuiteReport report;
    private final List<Peer> peers;
    private final List<String> workloads;
    private final Map<String, PeerTally> tallies;

    PeersTable(SuiteReport report, List<Peer> peers, List<String> workloads, Map<String, PeerTally> tallies) {
        this.report = report;
        this.peers = peers;
        this.workloads = workloads;
        this.tallies = tallies;
    }

    /**
     * The raw ceiling a workload is bound by on the k-th server (0 is Tessera), or null: the signature for the JWT
     * workloads, for the sign-in the password hash that server verifies ({@link Peer#password()}).
     */
    private String ceiling(String workload, int k) {
        return switch (workload) {
            case "cc-rs256" -> "RS256 signatures";
            case "cc-es256" -> "ES256 signatures";
            case "signin" -> peers.get(k).password() == null ? "(not measured)" : peers.get(k).password().name();
            default -> null;
        };
    }

    /** Per CPU-second at all threads, mean of before and after the load (NaN when not measured). */
    private static double mean(Map<String, SigningCeiling.Rate[]> before, Map<String, SigningCeiling.Rate[]> after, String name) {
        return !before.containsKey(name) || !after.containsKey(name) ? Double.NaN
                : (before.get(name)[1].opsPerCpuSecond() + after.get(name)[1].opsPerCpuSecond()) / 2;
    }

    void write(Map<String, SigningCeiling.Rate[]> before, Map<String, SigningCeiling.Rate[]> after) {
        report.line("## Per server CPU-second, alternating (16 keep-alive connections)");
        report.line("");
        for (String workload : workloads) {
            boolean ceilings = ceiling(workload, 0) != null;
            String title = "### " + PeersBench.WORKLOADS.get(workload);
            if (workload.equals("signin")) {
                StringBuilder hashes = new StringBuilder();
                for (int k = 0; k < peers.size(); k++) {
                    hashes.append(k == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %,.1f %s", peers.get(k).name(),
                            mean(before, after, ceiling(workload, k)), ceiling(workload, k)));
                }
                title += " (raw ceiling of each server's password hash, this run, per CPU-s: " + hashes + ")";
            } else if (ceilings) {
                title += String.format(Locale.ROOT, " (raw ceiling of this run: %,.0f %s per CPU-s)",
                        mean(before, after, ceiling(workload, 0)), ceiling(workload, 0));
            }
            report.line(title);
            report.line("");
            report.line("| server | **per server CPU-s** (median) | each round | requests/s | p50 ms | p99 ms | server cores "
                    + "| other cores | RSS max MiB | errors | Tessera ÷ this |" + (!ceilings ? "" : " ÷ raw ceiling |"));
            report.line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (!ceilings ? "" : "---:|"));
            PeerTally ours = tallies.get(workload + "|" + peers.get(0).name());
            for (int k = 0; k < peers.size(); k++) {
                Peer peer = peers.get(k);
                PeerTally t = tallies.get(workload + "|" + peer.name());
                if (t == null || t.empty()) {
                    report.line("| " + peer.name() + " | n/a | | | | | | | | | |" + (!ceilings ? "" : " |"));
                    continue;
                }
                double ratio = ours == null || ours.empty() ? Double.NaN : ours.medianPerCpuSecond() / t.medianPerCpuSecond();
                report.line(String.format(Locale.ROOT, "| %s | **%s** | %s | %s | %.2f | %.2f | %.2f | %.2f | %.0f | %d | %.2f× |%s",
                        peer.name(), PeerTally.figure(t.medianPerCpuSecond()), t.rounds(), PeerTally.figure(t.perSecond()), t.percentileMillis(50),
                        t.percentileMillis(99), t.serverCores(), t.otherCores(), t.rssMaxMib(), t.errors(), ratio,
                        !ceilings ? "" : String.format(Locale.ROOT, " %.1f %% |",
                                100 * t.medianPerCpuSecond() / mean(before, after, ceiling(workload, k)))));
                if (t.firstError() != null) {
                    report.line("| | first error: " + t.firstError().replace('|', '/') + " | | | | | | | | | |" + (!ceilings ? "" : " |"));
                }
            }
            report.line("");
        }
    }
}
