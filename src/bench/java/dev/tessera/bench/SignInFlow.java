package dev.tessera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole browser-less sign-in on one keep-alive connection, as a browser with no cookies would do
 * it: GET the authorization endpoint (code, PKCE S256), the login page, the login form posted with its
 * hidden fields (Tessera's Faces view state, Keycloak's session code, node-oidc-provider's CSRF field in
 * .ci/peers/node-provider.mjs; the password verified on the server), the consent page when one is shown
 * (Tessera's {@code prompt=consent} in the suite shows it on every sign-in), the approval, and the code
 * exchanged at the token endpoint. Redirects to the issuer are sent to this connection's node, so a
 * sign-in stays on the node its connection goes to. The login form is found by its password field, so
 * the same flow signs in to Tessera, Keycloak and node-oidc-provider ({@link Endpoints}).
 */
final class SignInFlow {
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z:_-]+)=\"([^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Where a server has its endpoints and how its pages behave: {@code prompt} sent with every request (null: none),
     * the consent page's approve button (null: the server must not show one).
     */
    record Endpoints(String authorizePath, String tokenPath, String prompt, String consentButton) {
        /** Tessera: consent on every sign-in, as the suite measures it. */
        static final Endpoints TESSERA = new Endpoints("/authorize", "/token", "consent", "approve");
    }

    /** What the flow needs to know: the client, its redirect URI, the user and the server's endpoints. */
    record Setup(String authority, String clientId, String basicCredentials, String redirectUri, String scope,
            String username, String password, Endpoints endpoints) {
        Setup(String authority, String clientId, String basicCredentials, String redirectUri, String scope, String username,
                String password) {
            this(authority, clientId, basicCredentials, redirectUri, scope, username, password, Endpoints.TESSERA);
        }

        /** The same set-up with this connection's Host header. */
        Setup at(String otherAuthority) {
            return new Setup(otherAuthority, clientId, basicCredentials, redirectUri, scope, username, password, endpoints);
        }
    }

    private final Setup setup;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    SignInFlow(Setup setup) {
        this.setup = setup;
    }

    /** Signs in from scratch (no cookies) and returns the token endpoint's JSON answer. */
    String run(KeepAliveConnection c) throws IOException {
        cookies.clear();
        String verifier = random(32);
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", setup.clientId());
        request.put("redirect_uri", setup.redirectUri());
        request.put("scope", setup.scope());
        request.put("state", random(12));
        request.put("nonce", random(12));
        Endpoints at = setup.endpoints();
        if (at.prompt() != null) {
            request.put("prompt", at.prompt());
        }
        request.put("code_challenge", challenge(verifier));
        request.put("code_challenge_method", "S256");
        String page = follow(c, get(c, at.authorizePath() + "?" + RawRequest.form(request)));
        expect(c, page != null && page.contains("type=\"password\""), "login page");
        page = follow(c, submit(c, page, "type=\"password\"", "login",
                Map.of("username", setup.username(), "password", setup.password())));
        if (page != null && at.consentButton() != null) {
            String approve = "name=\"" + at.consentButton() + "\"";
            expect(c, page.contains(approve), "consent page");
            page = follow(c, submit(c, page, approve, at.consentButton(), Map.of()));
        }
        expect(c, page == null, "redirect to the client");
        String location = c.headers("location").get(0);
        String code = queryParameter(location, "code");
        expect(c, code != null, "code in " + location);
        c.exchange(RawRequest.postForm(setup.authority(), at.tokenPath(), RawRequest.basicHeader(setup.basicCredentials()),
                RawRequest.form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", setup.redirectUri(),
                        "code_verifier", verifier))));
        expect(c, c.status() == 200, "token response");
        return c.body();
    }

    /** Follows redirects within the server; the page shown at the end, or null when the last redirect leaves it. */
    private String follow(KeepAliveConnection c, int status) throws IOException {
        for (int hops = 0; hops < 10; hops++) {
            if (status / 100 != 3) {
                expect(c, status == 200, "a page");
                return c.body();
            }
            String location = c.headers("location").get(0);
            if (location.startsWith(setup.redirectUri())) {
                return null;
            }
            status = get(c, target(location));
        }
        throw new IOException("Too many redirects");
    }

    private int get(KeepAliveConnection c, String pathAndQuery) throws IOException {
        c.exchange(RawRequest.get(setup.authority(), pathAndQuery, cookieLine()));
        keepCookies(c);
        return c.status();
    }

    /**
     * Posts the page's first form containing {@code marker} by pressing {@code button}: its hidden fields (view state,
     * session code, CSRF field) plus {@code values}.
     */
    private int submit(KeepAliveConnection c, String page, String marker, String button, Map<String, String> values)
            throws IOException {
        Matcher form = FORM.matcher(page);
        boolean found = false;
        while (!found && form.find()) {
            found = form.group(2).contains(marker);
        }
        if (!found) {
            throw new IOException("No form with " + marker + " on the page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(input.group(1));
            while (a.find()) {
                attributes.put(a.group(1).toLowerCase(java.util.Locale.ROOT), unescape(a.group(2)));
            }
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        fields.putAll(values);
        fields.put(button, button);
        c.exchange(RawRequest.postForm(setup.authority(), target(unescape(form.group(1))), RawRequest.cookieHeader(cookieLine()),
                RawRequest.form(fields)));
        keepCookies(c);
        return c.status();
    }

    private void keepCookies(KeepAliveConnection c) {
        for (String cookie : c.headers("set-cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    private String cookieLine() {
        StringBuilder line = new StringBuilder();
        cookies.forEach((name, value) -> line.append(line.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return line.toString();
    }

    private static void expect(KeepAliveConnection c, boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("Sign-in: expected " + what + ", got HTTP " + c.status() + ": " + LoadRun.abbreviate(c.body()));
        }
    }

    /** The request target (path and query) of a URL, absolute (Keycloak's form action) or not. */
    private static String target(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
