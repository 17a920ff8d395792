package dev.tessera.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of {@link PeersBench}: per workload, each server's requests per server CPU-second (median over rounds,
 * and each round), rate, p50/p99, CPU, RSS and errors, Tessera's ratio to each peer, and for the JWT workloads the raw
 * signing ceiling of the same run (mean of before and after the load) and each server's share of it.
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

    void write(Map<String, SigningCeiling.Rate[]> before, Map<String, SigningCeiling.Rate[]> after) {
        report.line("## Per server CPU-second, alternating (16 keep-alive connections)");
        report.line("");
        for (String workload : workloads) {
            String alg = workload.equals("cc-rs256") ? "RS256" : workload.equals("cc-es256") ? "ES256" : null;
            double ceiling = Double.NaN;
            if (alg != null) {
                ceiling = (before.get(alg + " signatures")[1].opsPerCpuSecond() + after.get(alg + " signatures")[1].opsPerCpuSecond()) / 2;
            }
            report.line("### " + PeersBench.WORKLOADS.get(workload) + (alg == null ? ""
                    : String.format(Locale.ROOT, " (raw ceiling of this run: %,.0f %s signatures per CPU-s)", ceiling, alg)));
            report.line("");
            report.line("| server | **per server CPU-s** (median) | each round | requests/s | p50 ms | p99 ms | server cores "
                    + "| other cores | RSS max MiB | errors | Tessera ÷ this |" + (alg == null ? "" : " ÷ raw ceiling |"));
            report.line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (alg == null ? "" : "---:|"));
            PeerTally ours = tallies.get(workload + "|" + peers.get(0).name());
            for (Peer peer : peers) {
                PeerTally t = tallies.get(workload + "|" + peer.name());
                if (t == null || t.empty()) {
                    report.line("| " + peer.name() + " | n/a | | | | | | | | | |" + (alg == null ? "" : " |"));
                    continue;
                }
                double ratio = ours == null || ours.empty() ? Double.NaN : ours.medianPerCpuSecond() / t.medianPerCpuSecond();
                report.line(String.format(Locale.ROOT, "| %s | **%,.0f** | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %.0f | %d | %.2f× |%s",
                        peer.name(), t.medianPerCpuSecond(), t.rounds(), t.perSecond(), t.percentileMillis(50),
                        t.percentileMillis(99), t.serverCores(), t.otherCores(), t.rssMaxMib(), t.errors(), ratio,
                        alg == null ? "" : String.format(Locale.ROOT, " %.1f %% |", 100 * t.medianPerCpuSecond() / ceiling)));
                if (t.firstError() != null) {
                    report.line("| | first error: " + t.firstError().replace('|', '/') + " | | | | | | | | | |" + (alg == null ? "" : " |"));
                }
            }
            report.line("");
        }
    }
}
