package dev.tessera.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A relying party's browser-facing pages for the front-channel logout and session management tests: the JDK's HTTP
 * server on a free loopback port, recording every request in one order shared by all instances (so a test can tell
 * which of two applications' pages the browser asked for first). {@code /fc/...} are front-channel logout URIs
 * ({@code /fc/slow} answers after 1.5 s), {@code /cb} the redirect URI, {@code /bye} the post-logout redirect URI,
 * {@code /rp.html?op=URL} a page that loads the OP's check_session iframe and shows its answers in {@code #answer}.
 */
final class RelyingPartyPages implements AutoCloseable {
    private static final AtomicLong ORDER = new AtomicLong();

    /** One request: its place in the shared order, when it arrived ({@link System#nanoTime}), path and raw query. */
    record Hit(long order, long nanos, String path, String query) {
    }

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    RelyingPartyPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "relying-party-pages");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        hits.add(new Hit(ORDER.incrementAndGet(), System.nanoTime(), path, query));
        if (path.equals("/fc/slow")) {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String page = path.equals("/rp.html") ? rpPage(query.substring("op=".length()))
                : "<!DOCTYPE html><title>RP</title><p id=\"rp-page\">" + path + "</p>";
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Session Management 1.0 §4.1's RP iframe, as a page: loads the OP iframe, posts on request, shows the answer. */
    private static String rpPage(String opUrl) {
        String opOrigin = opUrl.substring(0, opUrl.indexOf('/', "http://".length()));
        return "<!DOCTYPE html><title>RP</title><p id=\"answer\"></p><iframe id=\"op\" src=\"" + opUrl + "\"></iframe><script>"
                + "var op = document.getElementById('op');"
                + "op.addEventListener('load', function () { window.opLoaded = true; });"
                + "window.addEventListener('message', function (e) {"
                + " if (e.origin === '" + opOrigin + "') { document.getElementById('answer').textContent = e.data; } });"
                + "window.check = function (message) { document.getElementById('answer').textContent = '';"
                + " op.contentWindow.postMessage(message, '" + opOrigin + "'); };</script>";
    }

    /** http://127.0.0.1:port + path */
    String uri(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The same page under the name localhost: the site of an issuer at http://localhost (another origin). */
    String localhostUri(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    List<Hit> at(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
