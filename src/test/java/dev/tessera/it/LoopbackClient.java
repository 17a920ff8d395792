package dev.tessera.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A relying party's redirect endpoint for browser tests: the JDK's HTTP server on a free loopback port,
 * answering a small page at /cb and keeping the query string of every request that arrives there.
 */
final class LoopbackClient implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    LoopbackClient() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cb", exchange -> {
            received.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            byte[] page = "<!DOCTYPE html><title>Client</title><p id=\"landed\">Back at the client</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    /** http://127.0.0.1:port/cb */
    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
    }

    void forget() {
        received.clear();
    }

    /** The raw query of the next request to /cb, or null when none arrives within {@code seconds}. */
    String next(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
