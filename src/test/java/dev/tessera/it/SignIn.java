package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Steps of a browser sign-in, as integration tests drive them over HTTP. */
public final class SignIn {
    public static final String PASSWORD = "correct horse battery staple";
    /** Cookies Payara names itself, which therefore cannot carry a prefix. */
    static final String PAYARA_FIXED_NAMES = "JSESSIONIDVERSION|JREPLICA";
    static final String BROWSER_STATE_NAMES = "tessera_bs|__Host-tessera_bs";

    private SignIn() {
    }

    /** Creates a user through the admin API; returns its JSON (with "sub"). */
    public static JsonObject createUser(String username) {
        return createUser(TesseraDeployment.issuer(), username);
    }

    /** Creates a user with {@link #PASSWORD} on the server at {@code base}. */
    public static JsonObject createUser(String base, String username) {
        LogCanary.record("password", PASSWORD);
        HttpResponse<String> response = Http.send(Http.request(base, "/admin/api/users").header("Authorization", "Bearer " + Admin.token(base))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"email\":\"" + username
                                + "@example.com\",\"email_verified\":true,\"given_name\":\"Ada\",\"family_name\":\"Lovelace\","
                                + "\"name\":\"Ada Lovelace\",\"groups\":[\"staff\"]}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Admin.json(response.body());
    }

    public static String verifier() {
        return (UUID.randomUUID() + "-" + UUID.randomUUID()).replace("-", "");
    }

    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A code request with state, nonce and an S256 challenge for {@code verifier}. */
    public static Map<String, String> codeRequest(String clientId, String redirectUri, String scope, String verifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("state", "st-" + UUID.randomUUID());
        params.put("nonce", "n-" + UUID.randomUUID());
        if (verifier != null) {
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
        }
        return params;
    }

    public static HttpResponse<String> authorize(Browser browser, Map<String, String> params) {
        return browser.follow(browser.get("/authorize?" + query(params)));
    }

    /** Fills in and submits the login page; returns where the browser ends up. */
    public static HttpResponse<String> login(Browser browser, HttpResponse<String> loginPage, String username, String password) {
        // Where Kerberos is offered (LdapSignInIT's server), the form comes as the body of a 401 Negotiate challenge:
        // a browser without a ticket shows it, as this one does.
        if (loginPage.statusCode() == 401) {
            assertThat(loginPage.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
        } else {
            assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        }
        assertThat(loginPage.body()).contains("id=\"username\"", "id=\"password\"", "id=\"login\"");
        HttpResponse<String> posted = browser.submit(loginPage, "login", Map.of("username", username, "password", password));
        return browser.follow(posted);
    }

    public static HttpResponse<String> consent(Browser browser, HttpResponse<String> consentPage, String button) {
        assertThat(consentPage.body()).contains("id=\"approve\"", "id=\"deny\"");
        return browser.follow(browser.submit(consentPage, button, Map.of()));
    }

    /** Login, then approve if asked: the common path to the client's redirect. */
    public static HttpResponse<String> loginAndApprove(Browser browser, Map<String, String> params, String username) {
        HttpResponse<String> response = login(browser, authorize(browser, params), username, PASSWORD);
        if (!Browser.isRedirect(response) && response.body().contains("id=\"approve\"")) {
            response = consent(browser, response, "approve");
        }
        return response;
    }

    /**
     * Issue 18 point 6: every cookie the server set is HttpOnly (but the browser state of Session Management, which the
     * check_session iframe reads) and SameSite (RFC 6265bis §4.1.2.7); with an https
     * issuer also Secure, and named {@code __Host-} with Path=/ and no Domain, or {@code __Secure-} (§4.1.3), but for
     * the names Payara fixes.
     */
    public static void assertCookiesHardened(List<String> setCookies, boolean https) {
        assertThat(setCookies).as("Set-Cookie headers").isNotEmpty();
        for (String header : setCookies) {
            String name = header.substring(0, header.indexOf('=')).trim();
            List<String> attributes = Arrays.stream(header.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
            // The one cookie a script must read: Session Management 1.0's browser state, a random value with no authority.
            if (!name.matches(BROWSER_STATE_NAMES)) {
                assertThat(attributes).as(header).contains("httponly");
            }
            assertThat(attributes).as(header).anyMatch(a -> a.startsWith("samesite=lax") || a.startsWith("samesite=strict"));
            assertThat(attributes.stream().map(a -> a.split("=")[0]).distinct().count()).as(header + ": each attribute once")
                    .isEqualTo(attributes.size());
            if (https) {
                assertThat(attributes).as(header).contains("secure");
                // Payara names the cookies of its session versioning itself (JSESSIONIDVERSION, JREPLICA): no prefix.
                assertThat(name).as(header).matches("__(Host|Secure)-.+|" + PAYARA_FIXED_NAMES);
                if (name.startsWith("__Host-")) {
                    assertThat(attributes).as(header).contains("path=/").noneMatch(a -> a.startsWith("domain="));
                }
            }
        }
    }

    /** The parameters of a redirect to the client, from the query or the fragment. */
    public static Map<String, String> redirectParams(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        String raw = location.getRawFragment() != null ? location.getRawFragment() : location.getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
