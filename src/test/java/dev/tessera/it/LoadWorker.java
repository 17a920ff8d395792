package dev.tessera.it;

import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One client of a load balancer in front of two nodes, in a loop: a signed-in browser gets a code with
 * {@code prompt=none}, the client redeems it, then refreshes once. Each request goes to the worker's
 * preferred node; when that fails (no answer, or a 5xx) it is sent once more to the other node, and
 * the preferred node is taken out of rotation until {@link #preferredBackUp()} (a balancer's passive
 * health check, then its active one). Every failed attempt is recorded; one that may have reached the
 * server (not a refused connection) is marked "in doubt": its effect may have committed.
 */
final class LoadWorker implements Runnable {
    /** A failed attempt: when (ms since the drill's clock started), where, which step, what happened. */
    record Failure(long atMillis, String node, String step, String what, boolean inDoubt) {
    }

    /** One finished loop: the code, what its redemption and the refresh answered, the last refresh token. */
    record Chain(String code, int redeemStatus, boolean redeemInDoubt, String firstRefresh, String lastRefresh, boolean refreshInDoubt) {
    }

    private final String preferred;
    private final String other;
    private final Browser browser;
    private final String clientAuth;
    private final Map<String, String> codeRequest;
    private final String verifier;
    private final long clockStart;
    private volatile boolean stop;
    private volatile boolean preferredDown;
    final List<Failure> failures = new CopyOnWriteArrayList<>();
    final List<Failure> hardFailures = new CopyOnWriteArrayList<>();
    final List<Chain> chains = new CopyOnWriteArrayList<>();
    /** Answered attempts: {when (ms since the clock started), how long it took (ms)}. */
    final List<long[]> latencies = new CopyOnWriteArrayList<>();

    LoadWorker(String preferred, String other, Browser signedIn, String clientAuth, Map<String, String> codeRequest, String verifier,
            long clockStart) {
        this.preferred = preferred;
        this.other = other;
        this.browser = signedIn;
        this.clientAuth = clientAuth;
        this.codeRequest = codeRequest;
        this.verifier = verifier;
        this.clockStart = clockStart;
    }

    void stop() {
        stop = true;
    }

    /** The balancer's health check sees the preferred node ready again. */
    void preferredBackUp() {
        preferredDown = false;
    }

    @Override
    public void run() {
        while (!stop) {
            try {
                chain();
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | AssertionError e) {
                hardFailures.add(new Failure(now(), "-", "chain", e.toString(), false));
            }
        }
    }

    private void chain() {
        Attempt authorize = call("authorize", base -> browser.at(base).get("/authorize?" + SignIn.query(codeRequest)));
        if (authorize.response == null) {
            return;
        }
        String code = SignIn.redirectParams(authorize.response).get("code");
        Attempt redeem = call("redeem", base -> NodeCalls.post(base, "/token", clientAuth, "grant_type=authorization_code&code="
                + enc(code) + "&redirect_uri=" + enc(codeRequest.get("redirect_uri")) + "&code_verifier=" + verifier));
        if (redeem.response == null || redeem.response.statusCode() != 200) {
            chains.add(new Chain(code, redeem.response == null ? 0 : redeem.response.statusCode(), redeem.inDoubt, null, null, false));
            return;
        }
        String first = Admin.json(redeem.response.body()).getString("refresh_token");
        Attempt refresh = call("refresh", base -> NodeCalls.post(base, "/token", clientAuth, "grant_type=refresh_token&refresh_token=" + enc(first)));
        String last = refresh.response != null && refresh.response.statusCode() == 200
                ? Admin.json(refresh.response.body()).getString("refresh_token") : null;
        chains.add(new Chain(code, 200, redeem.inDoubt, first, last, refresh.inDoubt));
    }

    private record Attempt(HttpResponse<String> response, boolean inDoubt) {
    }

    private Attempt call(String step, Function<String, HttpResponse<String>> request) {
        boolean inDoubt = false;
        for (String base : preferredDown ? List.of(other) : List.of(preferred, other)) {
            try {
                long sent = now();
                HttpResponse<String> response = request.apply(base);
                latencies.add(new long[] {sent, now() - sent});
                if (response.statusCode() < 500) {
                    return new Attempt(response, inDoubt);
                }
                failures.add(new Failure(now(), base, step, "HTTP " + response.statusCode(), true));
                inDoubt = true;
            } catch (RuntimeException e) {
                boolean refused = causedBy(e, ConnectException.class);
                failures.add(new Failure(now(), base, step, refused ? "connection refused" : rootCause(e), !refused));
                inDoubt |= !refused;
            }
            if (base.equals(preferred)) {
                preferredDown = true;
            }
        }
        hardFailures.add(new Failure(now(), "both", step, "no node answered", inDoubt));
        return new Attempt(null, inDoubt);
    }

    private long now() {
        return (System.nanoTime() - clockStart) / 1_000_000;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
