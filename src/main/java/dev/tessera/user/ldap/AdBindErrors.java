package dev.tessera.user.ldap;

import dev.tessera.user.LoginMessages;
import dev.tessera.user.LoginResult;
import dev.tessera.user.LoginResult.Reason;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed bind means. Active Directory answers every refused bind with invalidCredentials (49) and
 * says why in the diagnostic message, e.g. "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext
 * error, data 775, v4563": the "data" field is a Win32 error code (hex): 52e wrong password, 525 no such user,
 * 530 logon hours, 531 workstation, 532 password expired, 533 disabled, 701 account expired, 773 must reset
 * password, 775 locked out.
 */
public final class AdBindErrors {
    private static final Pattern DATA = Pattern.compile("\\bdata ([0-9a-fA-F]{3,8})\\b");

    private AdBindErrors() {
    }

    /** The login failure for a refused bind of {@code who}, with the diagnostic message in the audit detail. */
    public static LoginResult.Failure failure(String diagnosticMessage, String who) {
        String message = diagnosticMessage == null ? "" : diagnosticMessage;
        Matcher data = DATA.matcher(message);
        String code = data.find() ? data.group(1).toLowerCase(Locale.ROOT) : "";
        return switch (code) {
            case "532" -> new LoginResult.Failure(Reason.MUST_CHANGE_PASSWORD, LoginMessages.PASSWORD_EXPIRED,
                    "AD bind refused, password expired (data 532): " + who);
            case "533" -> new LoginResult.Failure(Reason.DISABLED, LoginMessages.DISABLED,
                    "AD bind refused, account disabled (data 533): " + who);
            case "701" -> new LoginResult.Failure(Reason.EXPIRED, LoginMessages.EXPIRED,
                    "AD bind refused, account expired (data 701): " + who);
            case "773" -> new LoginResult.Failure(Reason.MUST_CHANGE_PASSWORD, LoginMessages.MUST_CHANGE_PASSWORD,
                    "AD bind refused, password must be reset (data 773): " + who);
            case "775" -> new LoginResult.Failure(Reason.LOCKED, LoginMessages.ACCOUNT_LOCKED,
                    "AD bind refused, account locked out (data 775): " + who);
            case "530", "531" -> new LoginResult.Failure(Reason.DISABLED, LoginMessages.LOGON_RESTRICTED,
                    "AD bind refused, logon " + ("530".equals(code) ? "hours" : "workstation") + " restriction (data "
                            + code + "): " + who);
            default -> new LoginResult.Failure(Reason.INVALID_CREDENTIALS, LoginMessages.INVALID,
                    "wrong password for " + who + (message.isEmpty() ? "" : " (" + message + ")"));
        };
    }
}
