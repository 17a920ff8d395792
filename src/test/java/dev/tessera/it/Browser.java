package dev.tessera.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the protocol cares: it keeps cookies, does not follow redirects by itself (tests
 * look at every hop), and submits HTML forms with their hidden fields as a browser would.
 */
public final class Browser {
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z:_-]+)=\"([^\"]*)\"");

    private final CookieManager cookies;
    private final HttpClient client;
    private final String base;
    /** Every Set-Cookie header this browser received, in order (shared with {@link #at} copies). */
    private final List<String> setCookies;
    /** Headers sent with every request, such as User-Agent or Accept-Language. */
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A browser talking to the test server. */
    public Browser() {
        this(TesseraDeployment.issuer(), new CookieManager(null, CookiePolicy.ACCEPT_ALL), new CopyOnWriteArrayList<>());
    }

    private Browser(String base, CookieManager cookies, List<String> setCookies) {
        this.base = base;
        this.cookies = cookies;
        this.setCookies = setCookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The same browser (same cookies) sending relative URLs to another server at {@code otherBase}: a
     * load balancer that routes the next request to another node. Cookies ignore ports, as browsers do.
     */
    public Browser at(String otherBase) {
        return new Browser(otherBase, cookies, setCookies);
    }

    /** Sends {@code name: value} with every later request (e.g. a browser's User-Agent or Accept-Language). */
    public Browser sending(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(absolute(url)).GET());
    }

    /** A GET with extra headers, such as {@code Authorization: Negotiate <token>}. */
    public HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(absolute(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> post(String url, Map<String, String> fields) {
        LogCanary.fromForm(fields);
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(absolute(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits the page's form by pressing {@code button}: hidden fields as rendered, plus {@code values}. */
    public HttpResponse<String> submit(HttpResponse<String> page, String button, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(page.body());
        while (input.find()) {
            Map<String, String> attrs = attributes(input.group(1));
            if ("hidden".equalsIgnoreCase(attrs.get("type")) && attrs.containsKey("name")) {
                fields.put(attrs.get("name"), unescape(attrs.getOrDefault("value", "")));
            }
        }
        fields.putAll(values);
        fields.put(button, button);
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No form on the page: " + page.body());
        }
        return post(unescape(action.group(1)), fields);
    }

    /** Follows redirects until one leaves the server (the answer to the client) or a page is shown. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith(TesseraDeployment.issuer())) {
                return current;
            }
            current = get(location);
        }
        return current;
    }

    /** The Set-Cookie headers received so far, as the server wrote them. */
    public List<String> setCookies() {
        return List.copyOf(setCookies);
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    public CookieManager cookies() {
        return cookies;
    }

    public static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            setCookies.addAll(response.headers().allValues("Set-Cookie"));
            return LogCanary.watch(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI absolute(String url) {
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(tag);
        while (m.find()) {
            attrs.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        return attrs;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }
}
