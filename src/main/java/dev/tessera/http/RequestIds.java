package dev.tessera.http;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives each request a correlation id, answered as {@code X-Request-Id} and written into every log line of the
 * request when logs are JSON lines ({@link LogFormat}). A trusted proxy's {@code X-Request-Id}
 * ({@code tessera.http.trusted-proxies}) is kept, so one id follows a request from nginx to Tessera's log; anyone
 * else's is replaced, so a client cannot forge entries that look like another request's.
 *
 * <p>The first step of the filter every request crosses ({@code web/EveryRequestFilter}).
 */
@Dependent
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrustedProxies proxies;

    @Inject
    public RequestIds(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** The id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Names the request on this thread and in its answer, until {@link #end()}. */
    public void begin(HttpServletRequest request, HttpServletResponse response) {
        String id = chosen(request.getHeader(HEADER), proxies.blocks().contains(request.getRemoteAddr()));
        CURRENT.set(id);
        response.setHeader(HEADER, id);
    }

    /** Forgets the id, so a pooled thread's next request cannot log under it. */
    public static void end() {
        CURRENT.remove();
    }

    /** The proxy's id when it may give one and it is a plain token; otherwise a fresh one. */
    static String chosen(String presented, boolean fromTrustedProxy) {
        if (fromTrustedProxy && presented != null && ACCEPTABLE.matcher(presented).matches()) {
            return presented;
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
