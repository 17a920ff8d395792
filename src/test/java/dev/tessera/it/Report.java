package dev.tessera.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LongSummaryStatistics;

/** The node-failure drill's measurements, as written to target/node-failure-report.txt and the log. */
record Report(long killedAt, long restartAt, long backAt, long invalidationMs, List<LoadWorker> workers) {

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("kill -9 of A at ").append(killedAt).append(" ms; restart of A began at ").append(restartAt)
                .append(" ms, A ready and in the cluster at ").append(backAt).append(" ms (")
                .append(backAt - restartAt).append(" ms to restart)\n");
        String[] names = {"load preferring A", "load preferring B"};
        for (int i = 0; i < workers.size(); i++) {
            LoadWorker worker = workers.get(i);
            long chains = worker.chains.size();
            long inDoubt = worker.chains.stream().filter(c -> c.redeemInDoubt() || c.refreshInDoubt()).count();
            out.append(names[i]).append(": ").append(chains).append(" chains (code, redemption, refresh), ")
                    .append(worker.failures.size()).append(" failed attempts (each retried on the other node), ")
                    .append(worker.hardFailures.size()).append(" unserved, ").append(inDoubt).append(" in doubt\n");
            out.append("  slowest answer: ").append(slowest(worker, 0, killedAt)).append(" ms before the kill, ")
                    .append(slowest(worker, killedAt, killedAt + 10_000)).append(" ms in the 10 s after it\n");
            worker.chains.stream().filter(c -> c.redeemInDoubt() || c.refreshInDoubt()).forEach(c -> out.append("  in doubt: ")
                    .append(c.refreshInDoubt() ? "refresh" : "redemption").append(", the retry on the other node ")
                    .append((c.refreshInDoubt() ? c.lastRefresh() != null : c.redeemStatus() == 200)
                            ? "succeeded (the dead node had not committed)\n"
                            : "was refused (the dead node had committed; the answer was lost with it)\n"));
            if (!worker.failures.isEmpty()) {
                LongSummaryStatistics times = worker.failures.stream().mapToLong(f -> f.atMillis() - killedAt).summaryStatistics();
                out.append("  failed attempts from +").append(times.getMin()).append(" ms to +").append(times.getMax())
                        .append(" ms after the kill\n");
            }
            worker.failures.forEach(f -> out.append("  +").append(f.atMillis() - killedAt).append(" ms ").append(f.step())
                    .append(" at ").append(f.node()).append(": ").append(f.what()).append(f.inDoubt() ? " (in doubt)" : "").append('\n'));
            worker.hardFailures.forEach(f -> out.append("  UNSERVED +").append(f.atMillis() - killedAt).append(" ms ")
                    .append(f.step()).append(": ").append(f.what()).append('\n'));
        }
        out.append("a client secret rotated on B was refused by the restarted A after ").append(invalidationMs).append(" ms\n");
        return out.toString();
    }

    private static long slowest(LoadWorker worker, long from, long to) {
        return worker.latencies.stream().filter(l -> l[0] >= from && l[0] < to).mapToLong(l -> l[1]).max().orElse(-1);
    }

    void write(Path file) throws IOException {
        String text = text();
        System.out.print("[NodeFailureDrill]\n" + text);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
