package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Raw HTTP calls to one node of several, named by its base URL: token, introspection and revocation
 * requests, the admin API, and a burst of requests released at the same instant.
 */
final class NodeCalls {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    private NodeCalls() {
    }

    static HttpRequest form(String base, String path, String basicAuth, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basicAuth).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return LogCanary.watch(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String base, String path, String basicAuth, String body) {
        return send(form(base, path, basicAuth, body));
    }

    static HttpResponse<String> get(String base, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static String adminToken(String base) {
        HttpResponse<String> response = post(base, "/token", Admin.basic(Admin.ID, TwoNodes.ADMIN_SECRET), "grant_type=client_credentials");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body()).getString("access_token");
    }

    /** POSTs JSON to the admin API of the node at {@code base}; returns the answer if it has {@code status}. */
    static JsonObject admin(String base, String path, String json, int status) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken(base)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return Admin.json(response.body());
    }

    /** Sends {@code count} requests from as many threads, all released at once; answers in request order. */
    static List<HttpResponse<String>> burst(int count, IntFunction<HttpRequest> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest built = request.apply(i);
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return send(built);
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
