package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time from Linux /proc: the server process and this load generator ({@code /proc/<pid>/stat}
 * utime + stime, all threads, GC and JIT included) and the whole machine ({@code /proc/stat}), so a
 * result can say how much CPU the server spent per token and how much went to anything else on the
 * machine during the run.
 */
final class CpuMeter {
    private final long[] serverPids;
    private final long clockTicksPerSecond;

    /** A reading; times in clock ticks. */
    record Sample(long nanoTime, long serverTicks, long serverSystemTicks, long selfTicks, long machineBusyTicks,
            long machineTotalTicks, Map<String, long[]> serverThreads) {
    }

    /** The difference of two readings, in CPU-seconds and wall seconds. */
    record Usage(double wallSeconds, double serverCpuSeconds, double serverSystemCpuSeconds, double selfCpuSeconds,
            double machineBusyCpuSeconds, double machineCpuSeconds, Map<String, Double> serverThreadGroups) {

        /** CPU-seconds spent by everything but the server and this generator: other load on the machine. */
        double otherCpuSeconds() {
            return Math.max(0, machineBusyCpuSeconds - serverCpuSeconds - selfCpuSeconds);
        }

        double serverCores() {
            return serverCpuSeconds / wallSeconds;
        }

        double selfCores() {
            return selfCpuSeconds / wallSeconds;
        }

        double otherCores() {
            return otherCpuSeconds() / wallSeconds;
        }

        double machineCores() {
            return machineCpuSeconds / wallSeconds;
        }

        double serverSystemCores() {
            return serverSystemCpuSeconds / wallSeconds;
        }

        /** The server's CPU by thread group, busiest first, e.g. "http-thread-poo 1.52, C# CompilerThre 0.10". */
        String serverThreads(int top) {
            return serverThreadGroups.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / wallSeconds))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    CpuMeter(long serverPid) {
        this(new long[] {serverPid});
    }

    /** Several server processes (the nodes of a cluster on this machine) counted as one server. */
    CpuMeter(long[] serverPids) {
        this.serverPids = java.util.Arrays.stream(serverPids).filter(pid -> pid > 0).toArray();
        this.clockTicksPerSecond = clockTicks();
    }

    Sample sample() {
        long[] machine = machine();
        long[] server = new long[2];
        Map<String, long[]> threads = new HashMap<>();
        for (long pid : serverPids) {
            long[] ticks = processTicks(Path.of("/proc/" + pid + "/stat"));
            server[0] += ticks[0];
            server[1] += ticks[1];
            threads(pid).forEach((tid, value) -> threads.put(pid + "/" + tid, value));
        }
        long[] self = processTicks(Path.of("/proc/self/stat"));
        return new Sample(System.nanoTime(), server[0] + server[1], server[1], self[0] + self[1], machine[0], machine[1],
                threads);
    }

    Usage between(Sample start, Sample end) {
        double hz = clockTicksPerSecond;
        Map<String, Double> groups = new HashMap<>();
        end.serverThreads().forEach((tid, nameAndTicks) -> {
            long[] before = start.serverThreads().get(tid);
            long ticks = nameAndTicks[0] - (before != null ? before[0] : 0);
            if (ticks > 0) {
                groups.merge(GROUP_NAMES.get((int) nameAndTicks[1]), ticks / hz, Double::sum);
            }
        });
        return new Usage((end.nanoTime() - start.nanoTime()) / 1e9,
                (end.serverTicks() - start.serverTicks()) / hz,
                (end.serverSystemTicks() - start.serverSystemTicks()) / hz,
                (end.selfTicks() - start.selfTicks()) / hz,
                (end.machineBusyTicks() - start.machineBusyTicks()) / hz,
                (end.machineTotalTicks() - start.machineTotalTicks()) / hz,
                groups);
    }

    /** utime and stime of a process or thread: fields 14 and 15 of its stat file, counted after the ")" of comm. */
    static long[] processTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12].
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** Thread names with digits folded ("G1 Conc#0" and "G1 Conc#1" are one group), by index. */
    private static final List<String> GROUP_NAMES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Per thread of the process: {cpu ticks, index of its group name}, by thread id. */
    private static Map<String, long[]> threads(long pid) {
        Map<String, long[]> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).replaceAll("\\d+", "#");
                    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
                    int group;
                    synchronized (GROUP_NAMES) {
                        group = GROUP_NAMES.indexOf(comm);
                        if (group < 0) {
                            GROUP_NAMES.add(comm);
                            group = GROUP_NAMES.size() - 1;
                        }
                    }
                    out.put(task.getFileName().toString(), new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), group});
                } catch (IOException | RuntimeException e) {
                    // thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Busy and total ticks of all CPUs, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
            long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
            long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat")) && Files.isReadable(Path.of("/proc/stat"));
    }
}
