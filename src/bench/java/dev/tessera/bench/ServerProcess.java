package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server JVM under test: found by the TCP port it listens on (Linux /proc), and inspected with
 * jcmd: its JIT settings before the run (the figures only count with C2 on) and how much of the code
 * C2 compiled after it.
 */
final class ServerProcess {
    private final long pid;
    private final Path jcmd;

    ServerProcess(long pid) {
        this.pid = pid;
        Path sibling = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(sibling) ? sibling : Path.of("jcmd");
    }

    long pid() {
        return pid;
    }

    /** The pid of the process with a listening TCP socket on the port, or 0 when none is found. */
    static long listeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !f[1].contains(":") || !"0A".equals(f[3])) {
                        continue; // header, or not LISTEN
                    }
                    int localPort = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                    if (localPort == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // table missing (no IPv6): try the other
            }
        }
        if (inodes.isEmpty()) {
            return 0;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return Long.parseLong(proc.getFileName().toString());
                            }
                        } catch (IOException e) {
                            // fd closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process, or gone
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** One line describing how the JVM runs, and whether its JIT includes C2. */
    record JitCheck(boolean c2Enabled, String flags) {
    }

    JitCheck jit() {
        String flags = jcmd("VM.flags");
        String cmdLine = jcmd("VM.command_line");
        String all = flags + "\n" + cmdLine;
        boolean c1Only = false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("TieredStopAtLevel=(\\d)").matcher(all);
        while (m.find()) {
            c1Only |= Integer.parseInt(m.group(1)) < 4;
        }
        c1Only |= all.contains("-XX:+NeverActAsServerClassMachine") || all.contains("-client ") || all.contains("-Xint");
        String jvmArgs = cmdLine.lines().filter(l -> l.startsWith("jvm_args:")).findFirst().orElse("jvm_args: (unknown)");
        String gc = flags.contains("UseG1GC") ? "G1" : flags.contains("UseParallelGC") ? "Parallel"
                : flags.contains("UseSerialGC") ? "Serial" : flags.contains("UseZGC") ? "ZGC" : "?";
        String heap = extract(flags, "MaxHeapSize=(\\d+)");
        String summary = jvmArgs + " | GC " + gc
                + (heap.isEmpty() ? "" : ", max heap " + Long.parseLong(heap) / (1024 * 1024) + " MiB")
                + (flags.isEmpty() ? " | (jcmd unavailable: JIT not checked)" : "");
        return new JitCheck(!flags.isEmpty() && !c1Only, summary);
    }

    /** Methods compiled at each tier now, e.g. "C2: 1234 methods (87 dev.tessera)". */
    String compiledSummary() {
        String list = jcmd("Compiler.codelist");
        if (list.isEmpty()) {
            return "(jcmd unavailable)";
        }
        long c2 = 0;
        long c2Tessera = 0;
        long c1 = 0;
        for (String line : list.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            if ("4".equals(f[1])) {
                c2++;
                if (f[3].startsWith("dev.tessera.")) {
                    c2Tessera++;
                }
            } else if (f[1].matches("[123]")) {
                c1++;
            }
        }
        return String.format(Locale.ROOT, "%d methods compiled by C2 (%d of them dev.tessera), %d by C1", c2, c2Tessera, c1);
    }

    /** Starts a JFR recording with the profile settings (10 ms execution sampling). */
    boolean startRecording(String name) {
        return !jcmd("JFR.start", "name=" + name, "settings=profile").isEmpty();
    }

    /** Stops the recording and writes it to the file. */
    boolean stopRecording(String name, Path file) {
        String out = jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        return !out.isEmpty() && Files.exists(file);
    }

    /** jcmd's output, or "" when jcmd fails (not the same user, attach disabled, no JDK). */
    String jcmd(String... command) {
        List<String> args = new ArrayList<>();
        args.add(jcmd.toString());
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? new String(out) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String extract(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
