package dev.tessera.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log of the Arquillian server now running (arquillian.xml's logtofile option: the most recently written
 * target/payara-arquillian.log.N), read from a mark on: what the server logged while a test ran.
 */
final class ServerLog {
    /** Payara's record header carries the JUL level as a number: SEVERE is 1000. */
    static final Pattern LEVEL = Pattern.compile("\\[levelValue: (\\d+)]");
    static final int SEVERE = 1000;

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the end of the current log: {@link #severeSinceMark} reads what comes after. */
    static ServerLog mark() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path file;
        try (Stream<Path> files = Files.list(target)) {
            file = files.filter(f -> f.getFileName().toString().startsWith(LogCanary.ARQUILLIAN_LOG) && !f.toString().endsWith(".lck"))
                    .max(Comparator.comparing(ServerLog::modified)).orElseThrow(() -> new IllegalStateException("no server log in " + target));
        }
        return new ServerLog(file, Files.size(file));
    }

    /** Every record at SEVERE or above (Payara logs ERROR as SEVERE) written since the mark, first line each. */
    List<String> severeSinceMark() throws IOException {
        List<String> severe = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(mark);
            byte[] rest = new byte[(int) (in.length() - mark)];
            in.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                Matcher level = LEVEL.matcher(line);
                if (level.find() && Integer.parseInt(level.group(1)) >= SEVERE) {
                    severe.add(line.length() > 400 ? line.substring(0, 400) : line);
                }
            }
        }
        return severe;
    }

    Path file() {
        return file;
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
