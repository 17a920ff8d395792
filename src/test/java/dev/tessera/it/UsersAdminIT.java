package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user admin API as an administrator's script uses it: create, read, list and search, replace,
 * disable and enable, set a password, delete; duplicate usernames and bad input refused with exact
 * error JSON; no password hash in any answer; the bearer token checked first.
 */
@ExtendWith(ArquillianExtension.class)
class UsersAdminIT {
    static final String USERS = "/admin/api/users";
    static final String ALICE = "{\"username\":\"Alice\",\"password\":\"correct horse battery\",\"email\":\"alice@example.com\","
            + "\"email_verified\":true,\"given_name\":\"Alice\",\"family_name\":\"Liddell\",\"name\":\"Alice Liddell\","
            + "\"phone_number\":\"+44 1865 270000\",\"locale\":\"en-GB\",\"zoneinfo\":\"Europe/London\",\"birthdate\":\"1852-05-04\","
            + "\"address\":{\"locality\":\"Oxford\",\"country\":\"GB\"},\"groups\":[\"staff\",\"Domain Admins\"]}";

    static String admin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void token() {
        admin = Admin.token();
    }

    static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = Http.request(path).header("Authorization", "Bearer " + admin);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = Http.send(request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        // Never, in any answer: the stored form of a password.
        assertThat(response.body()).doesNotContain("argon2", "password_hash", "correct horse");
        return response;
    }

    static JsonObject create(String body) {
        HttpResponse<String> response = call("POST", USERS, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return Admin.json(response.body());
    }

    static void assertError(HttpResponse<String> response, int status, String error, String description) {
        FoundationIT.assertJsonError(response, status, error);
        assertThat(Admin.json(response.body())).isEqualTo(Json.createObjectBuilder()
                .add("error", error).add("error_description", description).build());
    }

    static List<String> usernames(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body()).getJsonArray("users").stream()
                .map(u -> u.asJsonObject().getString("username")).toList();
    }

    @Test
    void createAnswersTheUserWithASubjectAndClaimsButNoPassword() {
        JsonObject alice = create(ALICE);

        assertThat(UUID.fromString(alice.getString("sub"))).isNotNull();
        assertThat(alice.getString("username")).isEqualTo("Alice");
        assertThat(alice.getBoolean("enabled")).isTrue();
        assertThat(alice.getString("email")).isEqualTo("alice@example.com");
        assertThat(alice.getBoolean("email_verified")).isTrue();
        assertThat(alice.getString("family_name")).isEqualTo("Liddell");
        assertThat(alice.getJsonObject("address")).isEqualTo(Json.createObjectBuilder().add("locality", "Oxford").add("country", "GB").build());
        assertThat(alice.getJsonArray("groups").getValuesAs(JsonString::getString)).containsExactly("staff", "Domain Admins");
        assertThat(alice.getBoolean("password_set")).isTrue();
        assertThat(alice).containsKeys("created_at", "updated_at", "password_changed_at").doesNotContainKey("password");

        JsonObject read = Admin.json(call("GET", USERS + "/" + alice.getString("sub"), null).body());
        assertThat(read).isEqualTo(alice);
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        create("{\"username\":\"duplicate.me\"}");

        assertError(call("POST", USERS, "{\"username\":\"Duplicate.ME\"}"), 409, "conflict", "username is already taken: Duplicate.ME");
    }

    @Test
    void badInputIsRefusedWithAClearDescription() {
        assertError(call("POST", USERS, "{\"email\":\"x@example.com\"}"), 400, "invalid_request", "username is required");
        assertError(call("POST", USERS, "{\"username\":\"v1\",\"email\":\"nope\"}"), 400, "invalid_request", "email must be an email address");
        assertError(call("POST", USERS, "{\"username\":\"v2\",\"emial\":\"x@example.com\"}"), 400, "invalid_request", "unknown member emial");
        assertError(call("POST", USERS, "{\"username\":\"v3\",\"password\":\"short\"}"), 400, "invalid_request", "password must be at least 8 characters");
        assertError(call("POST", USERS, "{\"username\":\"v4\",\"groups\":\"staff\"}"), 400, "invalid_request", "groups must be a JSON array");
        assertError(call("POST", USERS, "[1]"), 400, "invalid_request", "The body is not a valid JSON object, or names a member twice");
        assertError(call("GET", USERS + "?limit=500", null), 400, "invalid_request", "offset must be >= 0 and limit between 1 and 200");
        assertThat(usernames(call("GET", USERS + "?search=v", null))).doesNotContain("v1", "v2", "v3", "v4");
    }

    @Test
    void listIsOrderedByUsernameAndSearchMatchesUsernameEmailAndNamesInAnyCase() {
        create("{\"username\":\"search-carol\",\"email\":\"carol@SEARCH.example\"}");
        create("{\"username\":\"search-bob\",\"family_name\":\"Searchwell\"}");
        create("{\"username\":\"search-dave\",\"name\":\"Dave\"}");
        create("{\"username\":\"zed\",\"email\":\"zed@search.example\"}");

        assertThat(usernames(call("GET", USERS + "?search=SEARCH", null))).containsExactly("search-bob", "search-carol", "search-dave", "zed");
        assertThat(usernames(call("GET", USERS + "?search=searchwell", null))).containsExactly("search-bob");
        assertThat(usernames(call("GET", USERS + "?search=search&offset=1&limit=2", null))).containsExactly("search-carol", "search-dave");
        assertThat(usernames(call("GET", USERS + "?search=nobody-at-all", null))).isEmpty();
        assertThat(usernames(call("GET", USERS, null))).contains("zed");
    }

    @Test
    void replaceChangesTheProfileButNotTheSubjectAndNeverThePassword() {
        JsonObject frank = create("{\"username\":\"frank\",\"email\":\"frank@example.com\",\"nickname\":\"Frankie\"}");
        String sub = frank.getString("sub");

        HttpResponse<String> renamed = call("PUT", USERS + "/" + sub, "{\"username\":\"Francis\",\"given_name\":\"Francis\"}");

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        JsonObject francis = Admin.json(renamed.body());
        assertThat(francis.getString("sub")).isEqualTo(sub);
        assertThat(francis.getString("username")).isEqualTo("Francis");
        assertThat(francis).containsKey("given_name").doesNotContainKeys("email", "nickname");
        assertError(call("PUT", USERS + "/" + sub, "{\"username\":\"Francis\",\"password\":\"a new password\"}"), 400,
                "invalid_request", "password cannot be set here: use POST /admin/api/users/{sub}/password");
        String ghost = UUID.randomUUID().toString();
        assertError(call("PUT", USERS + "/" + ghost, "{\"username\":\"ghost\"}"), 404, "not_found", "No user " + ghost);
    }

    @Test
    void disableAndEnable() {
        String sub = create("{\"username\":\"grace\"}").getString("sub");

        JsonObject disabled = Admin.json(call("POST", USERS + "/" + sub + "/disable", null).body());
        assertThat(disabled.getBoolean("enabled")).isFalse();
        JsonObject kept = Admin.json(call("PUT", USERS + "/" + sub, "{\"username\":\"grace\",\"name\":\"Grace\"}").body());
        assertThat(kept.getBoolean("enabled")).as("a replace without enabled keeps it").isFalse();
        JsonObject enabled = Admin.json(call("POST", USERS + "/" + sub + "/enable", null).body());
        assertThat(enabled.getBoolean("enabled")).isTrue();
        assertThat(Admin.json(call("PUT", USERS + "/" + sub, "{\"username\":\"grace\",\"enabled\":false}").body()).getBoolean("enabled")).isFalse();
    }

    @Test
    void setPasswordThenTheUserHasOne() {
        JsonObject heidi = create("{\"username\":\"heidi\"}");
        String sub = heidi.getString("sub");
        assertThat(heidi.getBoolean("password_set")).isFalse();
        assertThat(heidi).doesNotContainKey("password_changed_at");

        HttpResponse<String> set = call("POST", USERS + "/" + sub + "/password", "{\"password\":\"correct horse battery\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        JsonObject after = Admin.json(call("GET", USERS + "/" + sub, null).body());
        assertThat(after.getBoolean("password_set")).isTrue();
        assertThat(after).containsKey("password_changed_at");
        assertError(call("POST", USERS + "/" + sub + "/password", "{\"password\":\"x\".repeat}"), 400, "invalid_request",
                "The body is not a valid JSON object, or names a member twice");
        assertError(call("POST", USERS + "/" + sub + "/password", "{\"password\":\"" + "x".repeat(257) + "\"}"), 400,
                "invalid_request", "password must be at most 256 characters");
        assertError(call("POST", USERS + "/" + sub + "/password", "{\"secret\":\"correct horse\"}"), 400, "invalid_request",
                "The body must be a JSON object whose only member is password, a string");
    }

    @Test
    void deleteRemovesTheUser() {
        String sub = create("{\"username\":\"ivan\"}").getString("sub");

        assertThat(call("DELETE", USERS + "/" + sub, null).statusCode()).isEqualTo(204);

        assertError(call("GET", USERS + "/" + sub, null), 404, "not_found", "No user " + sub);
        assertError(call("DELETE", USERS + "/" + sub, null), 404, "not_found", "No user " + sub);
        assertThat(create("{\"username\":\"ivan\"}").getString("sub")).as("a new account, never the old subject").isNotEqualTo(sub);
    }

    @Test
    void withoutAnAdminTokenNothingIsAnswered() {
        HttpResponse<String> none = Http.send(Http.request(USERS).GET());
        FoundationIT.assertJsonError(none, 401, "invalid_token");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tessera-admin\"");

        HttpResponse<String> forged = Http.send(Http.request(USERS).header("Authorization", "Bearer not-a-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"eve\"}")));
        FoundationIT.assertJsonError(forged, 401, "invalid_token");

        JsonObject reader = Admin.createClient("{\"client_id\":\"users-it-reader\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        HttpResponse<String> tokenResponse = Http.send(Http.request("/token")
                .header("Authorization", Admin.basic("users-it-reader", reader.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        String token = Admin.json(tokenResponse.body()).getString("access_token");
        HttpResponse<String> unscoped = Http.send(Http.request(USERS).header("Authorization", "Bearer " + token).GET());
        FoundationIT.assertJsonError(unscoped, 403, "insufficient_scope");
        assertThat(usernames(call("GET", USERS + "?search=eve", null))).doesNotContain("eve");
    }

    /**
     * Issue 21 point 3: admin changes (with before/after, secrets masked), a sign-in, a consent, the tokens and a
     * replayed code reach the audit trail, are found by /admin/api/audit with its filters and cursor, and the chain
     * verifies; then a row edited in the database is named by verification. The edit needs the database from outside
     * the server, so it runs in the PostgreSQL pass (the H2 pass's database lives inside Payara's memory);
     * AuditChainIT edits rows on H2, PostgreSQL and MariaDB.
     */
    @Test
    void adminChangesAndASignInAreInTheAuditTrailWhichNamesAnEditedRow() throws Exception {
        String cb = "https://audited.example.com/cb";
        JsonObject client = Admin.createClient("{\"client_id\":\"audited\",\"client_name\":\"Before\",\"redirect_uris\":[\"" + cb
                + "\"],\"grant_types\":[\"authorization_code\"],\"scope\":\"openid\"}");
        HttpResponse<String> updated = call("PUT", "/admin/api/clients/audited", "{\"client_name\":\"After\",\"redirect_uris\":[\"" + cb
                + "\"],\"grant_types\":[\"authorization_code\"],\"scope\":\"openid\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        HttpResponse<String> rotated = call("POST", "/admin/api/clients/audited/secret", null);
        String secret = Admin.json(rotated.body()).getString("client_secret");
        String sub = SignIn.createUser("auditee").getString("sub");

        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(browser,
                SignIn.codeRequest("audited", cb, "openid", verifier), "auditee"));
        String redeem = "grant_type=authorization_code&code=" + answer.get("code") + "&redirect_uri=" + cb + "&code_verifier=" + verifier;
        for (int expected : new int[] {200, 400}) {
            HttpResponse<String> tokens = Http.send(Http.request("/token").header("Authorization", Admin.basic("audited", secret))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(redeem)));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(expected);
        }

        List<JsonObject> forClient = awaitEvents("?client_id=audited", 6);
        assertThat(forClient).extracting(e -> e.getString("type")).contains("admin.client.created", "admin.client.updated",
                "admin.client.secret_rotated", "consent.granted", "token.issued", "token.code_replayed");
        JsonObject change = only(forClient, "admin.client.updated");
        assertThat(change.getString("actor")).isNotBlank();
        assertThat(change.getString("address")).isNotBlank();
        assertThat(change.getJsonObject("detail").getString("before.client_name")).isEqualTo("Before");
        assertThat(change.getJsonObject("detail").getString("after.client_name")).isEqualTo("After");
        assertThat(only(forClient, "admin.client.secret_rotated").getJsonObject("detail").getString("after.client_secret")).isEqualTo("***");
        assertThat(only(forClient, "token.issued").getJsonObject("detail").getString("grant_type")).isEqualTo("authorization_code");
        String all = call("GET", "/admin/api/audit?limit=500", null).body();
        assertThat(all).doesNotContain(secret, client.getString("client_secret"), answer.get("code"));

        // Other admin changes: an initial access token issued and revoked, a signing key rotated on demand.
        HttpResponse<String> issued = call("POST", "/admin/api/initial-access-tokens", null);
        JsonObject iat = Admin.json(issued.body());
        assertThat(call("DELETE", "/admin/api/initial-access-tokens/" + iat.getString("id"), null).statusCode()).isEqualTo(204);
        assertThat(call("POST", "/admin/api/keys/RS256/rotate", null).statusCode()).isEqualTo(200);
        List<JsonObject> adminOnly = awaitEvents("?type=admin.initial_access_token.issued&type=admin.initial_access_token.revoked"
                + "&type=key.rotated&actor=" + change.getString("actor"), 3);
        assertThat(adminOnly).extracting(e -> e.getString("type"))
                .containsExactly("key.rotated", "admin.initial_access_token.revoked", "admin.initial_access_token.issued");
        assertThat(adminOnly.get(0).getJsonObject("detail").getString("alg")).isEqualTo("RS256");
        assertThat(adminOnly.get(0).getJsonObject("detail").getString("created")).isNotBlank();
        assertThat(call("GET", "/admin/api/audit?limit=500", null).body()).doesNotContain(iat.getString("initial_access_token"));
        assertThat(Http.get("/openapi").body()).contains("/admin/api/audit", "/admin/api/audit/verify");

        List<JsonObject> forUser = awaitEvents("?subject=" + sub + "&type=login.succeeded&type=admin.user.created", 2);
        assertThat(forUser).extracting(e -> e.getString("type")).containsExactly("login.succeeded", "admin.user.created");

        // Newest first, one page at a time by the cursor.
        JsonObject first = Admin.json(call("GET", "/admin/api/audit?limit=1&client_id=audited", null).body());
        long cursor = first.getJsonNumber("next_before").longValue();
        JsonObject second = Admin.json(call("GET", "/admin/api/audit?limit=1&client_id=audited&before=" + cursor, null).body());
        assertThat(second.getJsonArray("events").getJsonObject(0).getJsonNumber("seq").longValue()).isLessThan(cursor);
        assertThat(events(call("GET", "/admin/api/audit?client_id=audited&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", null))).isEmpty();
        assertError(call("GET", "/admin/api/audit?type=no.such.type", null), 400, "invalid_request", "Unknown audit event type: no.such.type");
        assertError(call("GET", "/admin/api/audit?from=yesterday", null), 400, "invalid_request",
                "from must be an RFC 3339 time in UTC such as 2026-01-31T12:00:00Z");

        JsonObject verified = Admin.json(call("GET", "/admin/api/audit/verify", null).body());
        assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
        assertThat(verified.getJsonNumber("checked").longValue()).isGreaterThanOrEqualTo(forClient.size() + forUser.size());
        assertThat(verified.getJsonNumber("failed_writes").longValue()).isZero();
        assertThat(Http.get("/metrics").body()).contains("tessera_audit_write_failures_total 0.0", "tessera_audit_events_written_total");

        String url = System.getenv("TESSERA_DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            long seq = change.getJsonNumber("seq").longValue();
            try (Connection c = DriverManager.getConnection(url, System.getenv("TESSERA_DB_USER"), System.getenv("TESSERA_DB_PASSWORD"));
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_event SET detail = '{\"after.client_name\":\"Innocent\"}' WHERE seq = " + seq);
                JsonObject broken = Admin.json(call("GET", "/admin/api/audit/verify", null).body());
                assertThat(broken.getBoolean("intact")).isFalse();
                assertThat(broken.getJsonNumber("first_broken_seq").longValue()).isEqualTo(seq);
                assertThat(broken.getString("reason")).contains("does not match its hash");
            }
        }
    }

    /** The events a query finds, once at least {@code count} are there (they are written asynchronously). */
    static List<JsonObject> awaitEvents(String query, int count) throws InterruptedException {
        List<JsonObject> found = List.of();
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
            found = events(call("GET", "/admin/api/audit" + query, null));
            if (found.size() >= count) {
                break;
            }
        }
        return found;
    }

    static List<JsonObject> events(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return Admin.json(response.body()).getJsonArray("events").getValuesAs(JsonObject.class);
    }

    static JsonObject only(List<JsonObject> events, String type) {
        List<JsonObject> matching = events.stream().filter(e -> e.getString("type").equals(type)).toList();
        assertThat(matching).as(type).hasSize(1);
        return matching.get(0);
    }
}
