package dev.tessera.user;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user as the admin API shows it: {@code sub}, {@code username}, {@code enabled}, the OpenID Connect
 * claims under their §5.1 names, {@code groups}, and whether a password is set. The password hash is
 * never part of it. Reading is strict: an unknown member is refused, so a misspelt claim does not
 * vanish silently.
 */
public final class UserJson {
    private static final int MAX_GROUPS = 1000;
    private static final int MAX_GROUP_LENGTH = 256;
    private static final Set<String> READ_ONLY = Set.of(StandardClaims.SUB, StandardClaims.UPDATED_AT,
            UserFields.CREATED_AT, UserFields.PASSWORD_SET, UserFields.PASSWORD_CHANGED_AT);
    private static final Set<String> WRITABLE = Set.of(UserFields.USERNAME, UserFields.ENABLED, UserFields.PASSWORD,
            UserFields.GROUPS, StandardClaims.NAME, StandardClaims.GIVEN_NAME, StandardClaims.FAMILY_NAME,
            StandardClaims.MIDDLE_NAME, StandardClaims.NICKNAME, StandardClaims.PROFILE, StandardClaims.PICTURE,
            StandardClaims.WEBSITE, StandardClaims.EMAIL, StandardClaims.EMAIL_VERIFIED, StandardClaims.GENDER,
            StandardClaims.BIRTHDATE, StandardClaims.ZONEINFO, StandardClaims.LOCALE, StandardClaims.PHONE_NUMBER,
            StandardClaims.PHONE_NUMBER_VERIFIED, StandardClaims.ADDRESS);

    private UserJson() {
    }

    /**
     * What a create or replace request asks for.
     *
     * @param enabled  null when the request does not say
     * @param password null when the request sets none
     */
    public record Input(UserProfile profile, Boolean enabled, String password) {
    }

    public static Input read(JsonObject json, boolean passwordAllowed) {
        for (String member : json.keySet()) {
            if (!WRITABLE.contains(member) && !READ_ONLY.contains(member)) {
                throw UserProfileRules.invalid("unknown member " + member);
            }
        }
        if (!passwordAllowed && json.containsKey(UserFields.PASSWORD)) {
            throw UserProfileRules.invalid("password cannot be set here: use POST /admin/api/users/{sub}/password");
        }
        JsonReads r = new JsonReads(json);
        UserProfile profile = new UserProfile(r.string(UserFields.USERNAME, Usernames.MAX_LENGTH),
                r.string(StandardClaims.NAME, 255), r.string(StandardClaims.GIVEN_NAME, 255),
                r.string(StandardClaims.FAMILY_NAME, 255), r.string(StandardClaims.MIDDLE_NAME, 255),
                r.string(StandardClaims.NICKNAME, 255), r.string(StandardClaims.PROFILE, 2000),
                r.string(StandardClaims.PICTURE, 2000), r.string(StandardClaims.WEBSITE, 2000),
                r.string(StandardClaims.EMAIL, 320), r.bool(StandardClaims.EMAIL_VERIFIED, false),
                r.string(StandardClaims.GENDER, 64), r.string(StandardClaims.BIRTHDATE, 10),
                r.string(StandardClaims.ZONEINFO, 64), r.string(StandardClaims.LOCALE, 35),
                r.string(StandardClaims.PHONE_NUMBER, 64), r.bool(StandardClaims.PHONE_NUMBER_VERIFIED, false),
                address(r.object(StandardClaims.ADDRESS)), groups(r.array(UserFields.GROUPS)));
        UserProfileRules.check(profile);
        Boolean enabled = json.containsKey(UserFields.ENABLED) ? r.bool(UserFields.ENABLED, true) : null;
        return new Input(profile, enabled, passwordAllowed ? r.rawString(UserFields.PASSWORD) : null);
    }

    public static JsonObjectBuilder write(User user) {
        UserProfile p = user.profile();
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add(StandardClaims.SUB, user.subject())
                .add(UserFields.USERNAME, user.username())
                .add(UserFields.ENABLED, user.enabled());
        UserClaims.claims(user).forEach((name, value) -> {
            if (value instanceof String s && !StandardClaims.PREFERRED_USERNAME.equals(name)) {
                json.add(name, s);
            }
        });
        json.add(StandardClaims.EMAIL_VERIFIED, p.emailVerified())
                .add(StandardClaims.PHONE_NUMBER_VERIFIED, p.phoneNumberVerified());
        if (p.address() != null) {
            JsonObjectBuilder address = JsonFactories.BUILDERS.createObjectBuilder();
            p.address().members().forEach(address::add);
            json.add(StandardClaims.ADDRESS, address);
        }
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        p.groups().forEach(groups::add);
        json.add(UserFields.GROUPS, groups)
                .add(UserFields.PASSWORD_SET, user.passwordHash() != null);
        if (user.passwordChangedAt() != null) {
            json.add(UserFields.PASSWORD_CHANGED_AT, seconds(user.passwordChangedAt()));
        }
        return json.add(UserFields.CREATED_AT, seconds(user.createdAt()))
                .add(StandardClaims.UPDATED_AT, seconds(user.updatedAt()));
    }

    private static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

    private static PostalAddress address(JsonObject json) {
        if (json == null) {
            return null;
        }
        for (String member : json.keySet()) {
            if (!Set.of(StandardClaims.FORMATTED, StandardClaims.STREET_ADDRESS, StandardClaims.LOCALITY, StandardClaims.REGION,
                    StandardClaims.POSTAL_CODE, StandardClaims.COUNTRY).contains(member)) {
                throw UserProfileRules.invalid("unknown member address." + member);
            }
        }
        // §5.1.1: formatted and street_address "MAY contain ... newlines".
        JsonReads r = new JsonReads(json, StandardClaims.ADDRESS + ".");
        return new PostalAddress(r.multiline(StandardClaims.FORMATTED, 1000), r.multiline(StandardClaims.STREET_ADDRESS, 1000),
                r.string(StandardClaims.LOCALITY, 255), r.string(StandardClaims.REGION, 255),
                r.string(StandardClaims.POSTAL_CODE, 64), r.string(StandardClaims.COUNTRY, 255));
    }

    private static List<String> groups(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        if (array.size() > MAX_GROUPS) {
            throw UserProfileRules.invalid("groups may list at most " + MAX_GROUPS + " groups");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > MAX_GROUP_LENGTH
                    || s.getString().chars().anyMatch(Character::isISOControl)) {
                throw UserProfileRules.invalid("groups must be an array of group names of 1 to " + MAX_GROUP_LENGTH
                        + " characters without control characters");
            }
            groups.add(s.getString());
        }
        return List.copyOf(groups);
    }
}
