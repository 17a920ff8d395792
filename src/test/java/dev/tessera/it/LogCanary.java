package dev.tessera.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secrets the integration tests create or send, written down so that {@link LogCanaryCheck} can look for
 * them in every server log once the suite has run (issue 18 point 3: no secret in any log).
 *
 * <p>The HTTP helpers ({@link Http}, {@link Browser}, {@link NodeCalls}) hand every answer to
 * {@link #watch}: client secrets, tokens, codes and device codes in JSON bodies, codes and tokens in
 * redirects and form_post pages. Passwords are recorded where the tests send them. One line per secret, with
 * its kind, in target/it-secrets.txt; both passes (H2, PostgreSQL) append to it.
 */
public final class LogCanary {
    /** The file, beside the server logs it is checked against. */
    static final Path FILE = Path.of(System.getProperty("project.build.directory", "target"), "it-secrets.txt");
    /** The Arquillian servers' log files, arquillian.xml's logtofile option: payara-arquillian.log.0, .1, ... */
    static final String ARQUILLIAN_LOG = "payara-arquillian.log";
    /** Shorter values (a user code, a test's made-up "x") could match by chance; none of Tessera's secrets is that short. */
    static final int MIN_LENGTH = 10;
    private static final Set<String> SECRET_MEMBERS = Set.of("client_secret", "access_token", "refresh_token", "id_token",
            "device_code", "registration_access_token", "initial_access_token", "code", "password", "issued_token");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private LogCanary() {
    }

    /** Records {@code value} as a secret of {@code kind} (a parameter or member name). */
    public static void record(String kind, String value) {
        if (value == null || value.length() < MIN_LENGTH || value.indexOf('\n') >= 0 || !SEEN.add(value)) {
            return;
        }
        synchronized (LogCanary.class) {
            try {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, kind + "\t" + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Records the secrets an answer of the server carries; returns the answer. */
    public static HttpResponse<String> watch(HttpResponse<String> response) {
        response.headers().firstValue("Location").ifPresent(LogCanary::fromLocation);
        String body = response.body();
        if (body == null || body.isEmpty()) {
            return response;
        }
        if (body.startsWith("{")) {
            fromJson(body);
        } else if (body.contains("<input type=\"hidden\"")) {
            Matcher hidden = HIDDEN.matcher(body);
            while (hidden.find()) {
                if (SECRET_MEMBERS.contains(hidden.group(1))) {
                    record(hidden.group(1), hidden.group(2));
                }
            }
        }
        return response;
    }

    /** The log of the Arquillian server running now: the newest of its files (each server opens its own). */
    public static String currentServerLog() {
        Path target = FILE.getParent();
        try (Stream<Path> files = Files.list(target)) {
            Path newest = files.filter(f -> f.getFileName().toString().startsWith(ARQUILLIAN_LOG) && !f.toString().endsWith(".lck"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified())).orElseThrow(() -> new IllegalStateException(
                            "No " + ARQUILLIAN_LOG + "* under " + target + ": run the integration tests through Maven"));
            return Files.readString(newest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the password fields of a form the tests submit. */
    static void fromForm(Map<String, String> fields) {
        fields.forEach((name, value) -> {
            if (name.equals("password") || name.endsWith(":password")) {
                record("password", value);
            }
        });
    }

    private static void fromJson(String body) {
        try {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            json.forEach((name, value) -> {
                if (SECRET_MEMBERS.contains(name) && value.getValueType() == JsonValue.ValueType.STRING) {
                    record(name, ((JsonString) value).getString());
                }
            });
        } catch (RuntimeException notAnObject) {
            // Not JSON after all (a page, a raw answer): nothing to record.
        }
    }

    private static void fromLocation(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException unparsable) {
            return;
        }
        for (String part : new String[] {uri.getRawQuery(), uri.getRawFragment()}) {
            if (part == null) {
                continue;
            }
            for (String pair : part.split("&")) {
                List<String> kv = List.of(pair.split("=", 2));
                if (kv.size() == 2 && SECRET_MEMBERS.contains(kv.get(0))) {
                    record(kv.get(0), URLDecoder.decode(kv.get(1), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
