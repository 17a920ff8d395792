package dev.tessera.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput against concurrency as an SVG line chart, generated from the measured points: one line per
 * series (e.g. one node, two nodes), connections on a log2 axis, each point labelled with its p99.
 */
final class ConcurrencyChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /** One measured point. */
    record Point(int connections, double perSecond, double p99Millis) {
    }

    private ConcurrencyChart() {
    }

    static String svg(String title, String yLabel, Map<String, List<Point>> series) {
        List<Integer> levels = series.values().stream().flatMap(List::stream).map(Point::connections).distinct().sorted().toList();
        double max = series.values().stream().flatMap(List::stream).mapToDouble(Point::perSecond).max().orElse(1);
        double step = niceStep(max / 5);
        double top = Math.ceil(max * 1.08 / step) * step;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" text-anchor=\"middle\">%s</text>%n",
                WIDTH / 2, escape(title)));
        for (double y = 0; y <= top + 1e-9; y += step) {
            double py = TOP + plotH - y / top * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, py, LEFT + plotW, py));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>%n", LEFT - 6, py + 4, y));
        }
        for (int i = 0; i < levels.size(); i++) {
            double px = x(i, levels.size(), plotW);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", px,
                    TOP + plotH + 18, levels.get(i)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP + plotH,
                LEFT + plotW, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT,
                TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent connections "
                + "(labels: p99 ms)</text>%n", LEFT + plotW / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        int s = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (Point p : e.getValue()) {
                double px = x(levels.indexOf(p.connections()), levels.size(), plotW);
                double py = TOP + plotH - p.perSecond() / top * plotH;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", px, py, colour));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" "
                        + "fill=\"%s\">%.1f</text>%n", px, py - 8 - 12 * s, colour, p.p99Millis()));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, colour));
            int ly = TOP + 4 + 16 * s;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    LEFT + 12, ly, LEFT + 32, ly, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 38, ly + 4, escape(e.getKey())));
            s++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int index, int count, int plotW) {
        return LEFT + (count == 1 ? plotW / 2.0 : 20 + index * (plotW - 40.0) / (count - 1));
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
