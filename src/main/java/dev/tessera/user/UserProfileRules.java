package dev.tessera.user;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The formats OpenID Connect Core §5.1 gives the claims, checked before a profile is stored, so what the
 * server later hands relying parties is well-formed: email an addr-spec, URLs absolute http(s), birthdate
 * "ISO 8601-2004 YYYY-MM-DD format" (or YYYY, or 0000-MM-DD), zoneinfo an IANA time zone, locale a BCP47
 * tag, phone number in E.164-like notation with an optional RFC 3966 extension.
 */
final class UserProfileRules {
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern BIRTHDATE = Pattern.compile("\\d{4}(-\\d{2}-\\d{2})?");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().\\-/]{1,40}(;ext=[0-9]{1,10})?");

    private UserProfileRules() {
    }

    static void check(UserProfile p) {
        String username = Usernames.problem(p.username());
        if (username != null) {
            throw invalid(username);
        }
        require(p.email() == null || EMAIL.matcher(p.email()).matches(), StandardClaims.EMAIL + " must be an email address");
        url(StandardClaims.PROFILE, p.profile());
        url(StandardClaims.PICTURE, p.picture());
        url(StandardClaims.WEBSITE, p.website());
        require(p.birthdate() == null || birthdate(p.birthdate()), StandardClaims.BIRTHDATE + " must be YYYY-MM-DD, YYYY or 0000-MM-DD");
        require(p.zoneinfo() == null || ZoneId.getAvailableZoneIds().contains(p.zoneinfo()),
                StandardClaims.ZONEINFO + " must be a time zone of the IANA database, e.g. Europe/Paris");
        require(p.locale() == null || LOCALE.matcher(p.locale()).matches(), StandardClaims.LOCALE + " must be a BCP47 language tag, e.g. fr-CA");
        require(p.phoneNumber() == null || PHONE.matcher(p.phoneNumber()).matches(),
                StandardClaims.PHONE_NUMBER + " must be a phone number such as +1 (425) 555-1212;ext=5678");
    }

    private static boolean birthdate(String value) {
        if (!BIRTHDATE.matcher(value).matches()) {
            return false;
        }
        if (value.length() == 4) {
            return true;
        }
        // §5.1: "0000, indicating that it was omitted"; a leap year stands in so 0000-02-29 passes.
        String dated = value.startsWith("0000") ? "2000" + value.substring(4) : value;
        try {
            LocalDate.parse(dated);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void url(String name, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            require(("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null,
                    name + " must be an absolute http or https URL");
        } catch (URISyntaxException e) {
            throw invalid(name + " must be an absolute http or https URL");
        }
    }

    private static void require(boolean condition, String description) {
        if (!condition) {
            throw invalid(description);
        }
    }

    static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }
}
