package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU went: the jdk.ExecutionSample events of a JFR recording taken during the
 * measured window, summarised as (a) the share of samples under a few frames of the token path
 * (inclusive), (b) the hottest methods (self time, top frame) and (c) self time by package.
 * The same data as {@code jfr print --events jdk.ExecutionSample <file>}, counted.
 */
final class JfrProfile {
    /** Inclusive buckets: the share of samples whose stack contains a matching frame. */
    private static final Map<String, Predicate<String>> INCLUSIVE = new LinkedHashMap<>();

    static {
        INCLUSIVE.put("TokenResource.token (the JAX-RS resource method, all of it)", f -> f.startsWith("dev.tessera.token.TokenResource.token"));
        INCLUSIVE.put("  ClientAuthenticator.authenticate", f -> f.startsWith("dev.tessera.client.ClientAuthenticator.authenticate"));
        INCLUSIVE.put("  AccessTokenIssuer.issue", f -> f.startsWith("dev.tessera.token.AccessTokenIssuer.issue"));
        INCLUSIVE.put("    JwtSigner.sign", f -> f.startsWith("dev.tessera.keys.JwtSigner.sign"));
        INCLUSIVE.put("      java.security.Signature.sign (the signature itself)", f -> f.startsWith("java.security.Signature.sign"));
        INCLUSIVE.put("      KeyRing.active (key selection)", f -> f.startsWith("dev.tessera.keys.KeyRing.active"));
        INCLUSIVE.put("    JwtClaims.toJson (claims JSON)", f -> f.startsWith("org.jose4j.jwt.JwtClaims.toJson"));
        INCLUSIVE.put("    Secrets.random (jti)", f -> f.startsWith("dev.tessera.oauth.Secrets.random"));
        INCLUSIVE.put("  TokenResponse.toJson", f -> f.startsWith("dev.tessera.token.TokenResponse.toJson"));
        INCLUSIVE.put("  FormParameters.fromPost", f -> f.startsWith("dev.tessera.oauth.FormParameters.fromPost"));
        INCLUSIVE.put("jakarta.json.spi.JsonProvider.provider (JSON-P provider lookup)", f -> f.startsWith("jakarta.json.spi.JsonProvider.provider"));
        INCLUSIVE.put("RequestLimits.headerBytes", f -> f.startsWith("dev.tessera.http.RequestLimits.headerBytes"));
        INCLUSIVE.put("Any jose4j frame", f -> f.startsWith("org.jose4j."));
        INCLUSIVE.put("Any sun.security / java.math frame (crypto arithmetic)", f -> f.startsWith("sun.security.") || f.startsWith("java.math.")
                || f.startsWith("com.sun.crypto."));
        INCLUSIVE.put("Any Weld (CDI) frame", f -> f.startsWith("org.jboss.weld."));
        INCLUSIVE.put("Any EclipseLink (JPA) frame", f -> f.startsWith("org.eclipse.persistence."));
        INCLUSIVE.put("Any H2 / JDBC pool frame", f -> f.startsWith("org.h2.") || f.startsWith("com.sun.gjc.")
                || f.startsWith("com.sun.enterprise.resource."));
    }

    private JfrProfile() {
    }

    /** Summary of the execution samples taken at or after {@code from}. */
    static String summarise(Path recording, Instant from, int topN) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        long samples = 0;
        Map<String, Long> inclusive = new LinkedHashMap<>();
        INCLUSIVE.keySet().forEach(k -> inclusive.put(k, 0L));
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> selfPackage = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        for (RecordedEvent e : events) {
            if (!"jdk.ExecutionSample".equals(e.getEventType().getName()) || e.getStartTime().isBefore(from)) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            String top = name(frames.get(0));
            self.merge(top, 1L, Long::sum);
            selfPackage.merge(packageOf(top), 1L, Long::sum);
            Object thread = e.getValue("sampledThread");
            String threadName = thread instanceof jdk.jfr.consumer.RecordedThread t && t.getJavaName() != null
                    ? t.getJavaName().replaceAll("\\d+", "#") : "?";
            threads.merge(threadName, 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String n = name(frame);
                for (Map.Entry<String, Predicate<String>> bucket : INCLUSIVE.entrySet()) {
                    if (!seen.contains(bucket.getKey()) && bucket.getValue().test(n)) {
                        seen.add(bucket.getKey());
                    }
                }
            }
            seen.forEach(k -> inclusive.merge(k, 1L, Long::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d execution samples (Java code only; time in native code, e.g. socket "
                + "reads and writes, and GC/JIT threads are not sampled here)%n", samples));
        if (samples == 0) {
            return out.toString();
        }
        final long total = samples;
        out.append("\nInclusive (share of samples with the frame anywhere on the stack):\n");
        inclusive.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * v / total, k)));
        long inResource = inclusive.values().iterator().next();
        out.append(String.format(Locale.ROOT, "  %5.1f %%  not under TokenResource.token: the container (Grizzly HTTP parsing "
                + "and writing, servlet filters, Jersey dispatch, CDI proxies) and anything else%n", 100.0 * (total - inResource) / total));
        out.append("\nSelf time, top ").append(topN).append(" methods (top frame):\n");
        top(self, topN).forEach(en -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * en.getValue() / total, en.getKey())));
        out.append("\nSelf time by package:\n");
        top(selfPackage, 15).forEach(en -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * en.getValue() / total, en.getKey())));
        out.append("\nSamples by thread (digits folded):\n");
        top(threads, 8).forEach(en -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * en.getValue() / total, en.getKey())));
        return out.toString();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    /** The first three components of the package, e.g. org.glassfish.grizzly. */
    private static String packageOf(String method) {
        String[] parts = method.split("\\.");
        int packageParts = 0;
        for (String p : parts) {
            if (p.isEmpty() || Character.isUpperCase(p.charAt(0))) {
                break;
            }
            packageParts++;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 0, Math.min(3, Math.max(1, packageParts))));
    }
}
