package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of server processes from /proc/<pid>/status: VmRSS now, and the largest value seen
 * by a sampler running once a second while a scenario runs.
 */
final class ProcessMemory {
    private final long[] pids;
    private volatile long maxKib;
    private volatile boolean running = true;
    private final Thread sampler;

    private ProcessMemory(long[] pids) {
        this.pids = pids.clone();
        this.sampler = new Thread(() -> {
            while (running) {
                maxKib = Math.max(maxKib, rssKib(this.pids));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling the summed RSS of the processes. */
    static ProcessMemory sample(long[] pids) {
        ProcessMemory memory = new ProcessMemory(pids);
        memory.sampler.start();
        return memory;
    }

    /** Stops sampling; the largest summed RSS seen, in MiB. */
    double stopMaxMib() {
        running = false;
        sampler.interrupt();
        maxKib = Math.max(maxKib, rssKib(pids));
        return maxKib / 1024.0;
    }

    /** Summed VmRSS in KiB (0 for a process that is gone). */
    static long rssKib(long... pids) {
        return field(pids, "VmRSS:");
    }

    /** Summed VmHWM (the peak RSS of each process's lifetime) in KiB. */
    static long peakKib(long... pids) {
        return field(pids, "VmHWM:");
    }

    private static long field(long[] pids, String name) {
        long sum = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(name)) {
                        sum += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
        }
        return sum;
    }
}
