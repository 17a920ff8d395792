package dev.tessera.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Arquillian servers logged while a test ran: the records of target/payara-arquillian.log* (arquillian.xml's
 * logtofile option; the handler rotates, so every file is read) stamped at or after a mark. Payara's record header
 * carries the time ({@code [timeMillis: ...]}) and the JUL level as a number ({@code [levelValue: 1000]} is SEVERE).
 */
final class ServerLog {
    static final Pattern RECORD = Pattern.compile("\\[timeMillis: (\\d+)] \\[levelValue: (\\d+)]");
    static final int SEVERE = 1000;

    private final long markMillis;

    private ServerLog(long markMillis) {
        this.markMillis = markMillis;
    }

    /** Marks now: {@link #severeSinceMark} reads what is logged from here on. */
    static ServerLog mark() {
        return new ServerLog(System.currentTimeMillis());
    }

    /** Every record at SEVERE or above (Payara logs ERROR as SEVERE) stamped since the mark, its first line each. */
    List<String> severeSinceMark() throws IOException {
        List<String> severe = new ArrayList<>();
        for (Path file : files()) {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                Matcher record = RECORD.matcher(line);
                if (record.find() && Long.parseLong(record.group(1)) >= markMillis && Integer.parseInt(record.group(2)) >= SEVERE) {
                    severe.add(line.length() > 400 ? line.substring(0, 400) : line);
                }
            }
        }
        return severe;
    }

    static List<Path> files() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(LogCanary.ARQUILLIAN_LOG) && !f.toString().endsWith(".lck"))
                    .toList();
        }
    }
}
