package dev.tessera.web.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theme contract as docs/themes.md documents it ("Theme contract version 1"): its slots, element ids
 * (with the pages they are on) and message keys, read from the tables, so the tests check what operators read.
 */
public final class ThemeContractDoc {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|.*$");

    /** A documented element id and where it is: "template" or page file names. */
    public record Id(String id, List<String> pages) {
        public boolean inTemplate() {
            return pages.contains("template");
        }
    }

    private ThemeContractDoc() {
    }

    public static List<String> slots() {
        return rows("### Slots").stream().map(r -> r[0]).toList();
    }

    public static List<Id> ids() {
        return rows("### Element ids").stream()
                .map(r -> new Id(r[0], Arrays.stream(r[1].split(",")).map(String::trim).toList())).toList();
    }

    public static List<String> messageKeys() {
        return rows("### Message keys").stream().map(r -> r[0]).toList();
    }

    /** The first two cells of each table row of the section under {@code heading}. */
    static List<String[]> rows(String heading) {
        List<String> lines = lines();
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("docs/themes.md has no section " + heading);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            if (m.matches()) {
                rows.add(new String[] {m.group(1), m.group(2).trim()});
            }
        }
        return rows;
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(Path.of(System.getProperty("project.basedir", "."), "docs", "themes.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
