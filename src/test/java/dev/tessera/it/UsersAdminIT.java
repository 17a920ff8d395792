package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
}
