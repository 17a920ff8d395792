package dev.tessera.it;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One scrape of {@code /metrics} in the Prometheus text format, read as series (name and labels) to values. */
record Scrape(Map<String, Double> series) {
    static Scrape now() {
        return of(Http.get("/metrics").body());
    }

    static Scrape of(String body) {
        Map<String, Double> series = new LinkedHashMap<>();
        body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int space = l.lastIndexOf(' ');
            Double previous = series.put(l.substring(0, space), Double.valueOf(l.substring(space + 1)));
            if (previous != null) {
                throw new AssertionError("series printed twice: " + l);
            }
        });
        return new Scrape(series);
    }

    /** The sum over every series of {@code name} whose labels include all of {@code labels} ("k=v" each). */
    double sum(String name, String... labels) {
        Set<String> wanted = Arrays.stream(labels).map(l -> l.replaceFirst("=(.*)", "=\"$1\"")).collect(Collectors.toSet());
        return series.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> wanted.stream().allMatch(w -> e.getKey().contains(w)))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
