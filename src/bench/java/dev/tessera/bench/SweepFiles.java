package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The concurrency sweeps of earlier runs ({@code sweep-<label>.csv} in the output directory, one per
 * label such as "one node" and "two nodes") drawn together into one SVG.
 */
final class SweepFiles {
    private SweepFiles() {
    }

    static void chart(Path directory, Path svg) throws IOException {
        Map<String, List<ConcurrencyChart.Point>> series = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.list(directory)) {
            files = all.filter(p -> p.getFileName().toString().matches("sweep-.*\\.csv")).sorted().toList();
        }
        for (Path file : files) {
            List<ConcurrencyChart.Point> points = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(",");
                if (f.length == 3 && !f[0].equals("connections")) {
                    points.add(new ConcurrencyChart.Point(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                }
            }
            String name = file.getFileName().toString().replaceFirst("^sweep-", "").replaceFirst("\\.csv$", "").replace('-', ' ');
            series.put(name, points);
        }
        if (svg.getParent() != null) {
            Files.createDirectories(svg.getParent());
        }
        Files.writeString(svg, ConcurrencyChart.svg("Tessera POST /token, client_credentials ES256, "
                + Runtime.getRuntime().availableProcessors() + " cores", "tokens per second", series));
    }
}
