package dev.tessera.it;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Relying parties' back-channel logout endpoints for the tests: the JDK's HTTP server on a free loopback port,
 * keeping every logout token posted to it. {@code /ok} answers 200, {@code /fail} 500, {@code /hang} only after a
 * minute, {@code /flaky} 500 to its first request and 200 afterwards.
 */
final class LogoutReceiver implements AutoCloseable {
    /** One POST as received: the path, its Content-Type and the logout_token form value. */
    record Received(String path, String contentType, String token) {
        JWTClaimsSet claims() {
            try {
                return JWTParser.parse(token).getJWTClaimsSet();
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    LogoutReceiver() throws IOException {
        this(0);
    }

    /** On a given loopback port (0: any free one). */
    LogoutReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "logout-receiver");
            t.setDaemon(true);
            return t;
        }));
        for (String path : List.of("/ok", "/fail", "/hang", "/flaky")) {
            server.createContext(path, this::handle);
        }
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String token = null;
        for (String pair : body.split("&")) {
            if (pair.startsWith("logout_token=")) {
                token = URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8);
            }
        }
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), token));
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int status = switch (path) {
            case "/fail" -> 500;
            case "/flaky" -> hit == 1 ? 500 : 200;
            case "/hang" -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield 200;
            }
            default -> 200;
        };
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    String uri(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Everything posted to {@code path} whose claims match, so far. */
    List<Received> at(String path, Predicate<JWTClaimsSet> matching) {
        return received.stream().filter(r -> r.path().equals(path) && r.token() != null && matching.test(r.claims())).toList();
    }

    /** Waits up to {@code seconds} for at least {@code count} matching posts to {@code path}; returns them. */
    List<Received> await(String path, Predicate<JWTClaimsSet> matching, int count, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Received> found = at(path, matching);
        while (found.size() < count && System.nanoTime() < until) {
            Thread.sleep(200);
            found = at(path, matching);
        }
        return found;
    }

    static Predicate<JWTClaimsSet> sid(String sid) {
        return c -> sid.equals(c.getClaim("sid"));
    }

    static Predicate<JWTClaimsSet> sub(String sub) {
        return c -> sub.equals(c.getSubject());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
