package dev.tessera.user.ldap;

import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import dev.tessera.user.DirectoryPasswords.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The wire details of a password change. Active Directory: "the user must ... perform a Delete operation with the old
 * password and an Add operation with the new password, both in the same Modify request", each value the password in
 * double quotes, encoded UTF-16LE ([MS-ADTS] §3.1.1.3.1.5.1 "unicodePwd"); a policy refusal is constraintViolation
 * with data {@code 52D}, an unencrypted connection unwillingToPerform. The directory's diagnostic goes to the log
 * (never a password), the person gets one of the {@link Outcome}s.
 */
final class LdapPasswords {
    static final String UNICODE_PWD = "unicodePwd";
    private static final Logger LOG = Logger.getLogger(LdapPasswords.class.getName());

    private LdapPasswords() {
    }

    static ModifyRequest unicodePwdChange(String dn, String current, String next) {
        return new ModifyRequest(dn, new Modification(ModificationType.DELETE, UNICODE_PWD, quotedUtf16(current)),
                new Modification(ModificationType.ADD, UNICODE_PWD, quotedUtf16(next)));
    }

    static byte[] quotedUtf16(String password) {
        return ('"' + password + '"').getBytes(StandardCharsets.UTF_16LE);
    }

    /** Whether a result code is the directory's answer to this request, rather than a directory that could not answer. */
    static boolean answered(ResultCode code) {
        return code.isConnectionUsable() && code != ResultCode.TIMEOUT && code != ResultCode.BUSY && code != ResultCode.UNAVAILABLE;
    }

    static Outcome outcome(LDAPResult result, String dn) {
        ResultCode code = result.getResultCode();
        if (code == ResultCode.SUCCESS) {
            return Outcome.CHANGED;
        }
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return Outcome.WRONG_CURRENT;
        }
        LOG.info(() -> "LDAP password change of " + dn + " refused by the directory: " + code + " "
                + (result.getDiagnosticMessage() == null ? "" : result.getDiagnosticMessage()));
        return code == ResultCode.CONFIDENTIALITY_REQUIRED ? Outcome.NOT_ENCRYPTED : Outcome.REFUSED;
    }
}
