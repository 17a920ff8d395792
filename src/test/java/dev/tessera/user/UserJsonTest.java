package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin API's user JSON: strict reading with clear errors, and answers that never carry the hash. */
class UserJsonTest {
    static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void readsEveryMemberUnderItsClaimName() {
        UserJson.Input input = UserJson.read(json("{'username':'Alice','password':'  spaced  ','email':'alice@example.com',"
                + "'email_verified':true,'given_name':'Alice','family_name':'Liddell','name':'Alice Liddell','middle_name':'P',"
                + "'nickname':'Al','profile':'https://example.com/a','picture':'https://example.com/a.png','website':'http://a.example',"
                + "'gender':'female','birthdate':'0000-02-29','zoneinfo':'Europe/London','locale':'en-GB',"
                + "'phone_number':'+1 (604) 555-1234;ext=5678','phone_number_verified':true,"
                + "'address':{'formatted':'1 Main St\\nTown','country':'GB'},'groups':['staff','Domain Admins','staff'],"
                + "'enabled':false,'sub':'ignored','updated_at':1,'created_at':1,'password_set':true}"), true);

        UserProfile p = input.profile();
        assertThat(p.username()).isEqualTo("Alice");
        assertThat(p.emailVerified()).isTrue();
        assertThat(p.phoneNumber()).isEqualTo("+1 (604) 555-1234;ext=5678");
        assertThat(p.address()).isEqualTo(new PostalAddress("1 Main St\nTown", null, null, null, null, "GB"));
        assertThat(p.groups()).containsExactly("staff", "Domain Admins");
        assertThat(input.enabled()).isFalse();
        assertThat(input.password()).as("exactly as sent").isEqualTo("  spaced  ");
    }

    @Test
    void absentEnabledIsNullAndEmptyStringsAreAbsent() {
        UserJson.Input input = UserJson.read(json("{'username':'bob','email':'','name':null,'address':{}}"), false);

        assertThat(input.enabled()).isNull();
        assertThat(input.password()).isNull();
        assertThat(input.profile().email()).isNull();
        assertThat(input.profile().address()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|username is required",
        "{'username':'two words'}|username must not contain spaces or control characters",
        "{'username':7}|username must be a string",
        "{'username':'u','emial':'x@y'}|unknown member emial",
        "{'username':'u','preferred_username':'x'}|unknown member preferred_username",
        "{'username':'u','email':'not-an-email'}|email must be an email address",
        "{'username':'u','email_verified':'yes'}|email_verified must be true or false",
        "{'username':'u','picture':'javascript:alert(1)'}|picture must be an absolute http or https URL",
        "{'username':'u','website':'/relative'}|website must be an absolute http or https URL",
        "{'username':'u','birthdate':'1990-02-30'}|birthdate must be YYYY-MM-DD, YYYY or 0000-MM-DD",
        "{'username':'u','zoneinfo':'Mars/Olympus'}|zoneinfo must be a time zone of the IANA database, e.g. Europe/Paris",
        "{'username':'u','locale':'en_US'}|locale must be a BCP47 language tag, e.g. fr-CA",
        "{'username':'u','phone_number':'call me'}|phone_number must be a phone number such as +1 (425) 555-1212;ext=5678",
        "{'username':'u','groups':'staff'}|groups must be a JSON array",
        "{'username':'u','groups':['']}|groups must be an array of group names of 1 to 256 characters without control characters",
        "{'username':'u','address':'Oxford'}|address must be a JSON object",
        "{'username':'u','address':{'city':'Oxford'}}|unknown member address.city",
        "{'username':'u','address':{'locality':'a\\nb'}}|address.locality must not contain control characters",
        "{'username':'u','name':'a\\u0000b'}|name must not contain control characters",
        "{'username':'u','password':['x']}|password must be a string",
    })
    void refusesWithAClearDescription(String body, String description) {
        assertThatThrownBy(() -> UserJson.read(json(body), true)).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            assertThat(e.description()).isEqualTo(description);
        });
    }

    @Test
    void aReplaceMayNotCarryAPassword() {
        assertThatThrownBy(() -> UserJson.read(json("{'username':'u','password':'whatever1'}"), false))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.description())
                        .isEqualTo("password cannot be set here: use POST /admin/api/users/{sub}/password"));
    }

    @Test
    void tooLongValuesAreRefused() {
        assertThatThrownBy(() -> UserJson.read(json("{'username':'" + "u".repeat(256) + "'}"), true))
                .hasMessage("username must be at most 255 characters");
        assertThatThrownBy(() -> UserJson.read(json("{'username':'u','name':'" + "n".repeat(256) + "'}"), true))
                .hasMessage("name must be at most 255 characters");
    }

    @Test
    void writesClaimsFlagsAndTimesButNeverThePasswordHash() {
        User user = new User("sub-1", TestUsers.full("Alice"), NOW);
        user.password("$argon2id$v=19$m=64,t=1,p=1$secret-salt$secret-hash", NOW.plusSeconds(5));

        JsonObject json = UserJson.write(user).build();

        assertThat(json.getString("sub")).isEqualTo("sub-1");
        assertThat(json.getString("username")).isEqualTo("Alice");
        assertThat(json.getBoolean("enabled")).isTrue();
        assertThat(json.getString("given_name")).isEqualTo("Alice");
        assertThat(json.getBoolean("email_verified")).isTrue();
        assertThat(json.getBoolean("phone_number_verified")).isFalse();
        assertThat(json.getJsonObject("address").getString("postal_code")).isEqualTo("OX1 1DP");
        assertThat(json.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("staff", "Domain Admins");
        assertThat(json.getBoolean("password_set")).isTrue();
        assertThat(json.getJsonNumber("password_changed_at").longValue()).isEqualTo(NOW.getEpochSecond() + 5);
        assertThat(json.getJsonNumber("created_at").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(json.getJsonNumber("updated_at").longValue()).isEqualTo(NOW.getEpochSecond() + 5);
        assertThat(json).doesNotContainKeys("password", "password_hash", "preferred_username");
        assertThat(json.toString()).doesNotContain("argon2", "secret");
    }

    @Test
    void whatIsWrittenReadsBackToTheSameProfile() {
        User user = new User("sub-1", TestUsers.full("Alice"), NOW);

        UserJson.Input input = UserJson.read(UserJson.write(user).build(), false);

        assertThat(input.profile()).isEqualTo(user.profile());
        assertThat(input.enabled()).isTrue();
    }
}
