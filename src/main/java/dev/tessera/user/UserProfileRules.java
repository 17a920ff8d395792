package dev.tessera.user;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        broken(p).ifPresent(b -> {
            throw invalid(b.description());
        });
    }

    /** A claim whose value breaks its format: its name, and the English description the admin API answers with. */
    record Broken(String claim, String description) {
    }

    /** The first claim (other than the username) whose value breaks its format, if any. */
    static Optional<Broken> broken(UserProfile p) {
        List<Broken> broken = new ArrayList<>();
        rule(broken, p.email() == null || EMAIL.matcher(p.email()).matches(), StandardClaims.EMAIL, " must be an email address");
        for (String[] url : new String[][] {{StandardClaims.PROFILE, p.profile()}, {StandardClaims.PICTURE, p.picture()},
                {StandardClaims.WEBSITE, p.website()}}) {
            rule(broken, url[1] == null || url(url[1]), url[0], " must be an absolute http or https URL");
        }
        rule(broken, p.birthdate() == null || birthdate(p.birthdate()), StandardClaims.BIRTHDATE, " must be YYYY-MM-DD, YYYY or 0000-MM-DD");
        rule(broken, p.zoneinfo() == null || ZoneId.getAvailableZoneIds().contains(p.zoneinfo()),
                StandardClaims.ZONEINFO, " must be a time zone of the IANA database, e.g. Europe/Paris");
        rule(broken, p.locale() == null || LOCALE.matcher(p.locale()).matches(), StandardClaims.LOCALE, " must be a BCP47 language tag, e.g. fr-CA");
        rule(broken, p.phoneNumber() == null || PHONE.matcher(p.phoneNumber()).matches(),
                StandardClaims.PHONE_NUMBER, " must be a phone number such as +1 (425) 555-1212;ext=5678");
        return broken.stream().findFirst();
    }

    private static void rule(List<Broken> broken, boolean holds, String claim, String must) {
        if (!holds) {
            broken.add(new Broken(claim, claim + must));
        }
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

    private static boolean url(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }
}
