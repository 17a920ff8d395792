package dev.tessera.user.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Makes the in-memory directory change passwords as a domain controller does ([MS-ADTS] §3.1.1.3.1.5.1): a modify
 * that deletes the old {@code unicodePwd} and adds the new one, each the password in double quotes in UTF-16LE. It
 * becomes the same delete-and-add of {@code userPassword}, which the in-memory server refuses when the old value is
 * not the stored one; that and a new password shorter than {@link #MIN_LENGTH} answer constraintViolation with AD's
 * data codes 56 and 52D. Anything else on unicodePwd is refused as AD refuses it (unwillingToPerform).
 */
final class AdPasswordChanges extends InMemoryOperationInterceptor {
    static final int MIN_LENGTH = 12;
    private static final String CHANGE = "ad-password-change";

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        List<Modification> mods = request.getRequest().getModifications();
        if (mods.stream().noneMatch(m -> m.getAttributeName().equalsIgnoreCase(LdapPasswords.UNICODE_PWD))) {
            return;
        }
        if (mods.size() != 2 || mods.get(0).getModificationType() != ModificationType.DELETE
                || mods.get(1).getModificationType() != ModificationType.ADD) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM)");
        }
        String old = unquote(mods.get(0).getValueByteArrays()[0]);
        String next = unquote(mods.get(1).getValueByteArrays()[0]);
        if (next.length() < MIN_LENGTH) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "0000052D: Constraint violation - check_password_restrictions: "
                    + "the password does not meet the complexity criteria");
        }
        request.setProperty(CHANGE, Boolean.TRUE);
        request.setRequest(new ModifyRequest(request.getRequest().getDN(), new Modification(ModificationType.DELETE, "userPassword", old),
                new Modification(ModificationType.ADD, "userPassword", next)));
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        if (result.getProperty(CHANGE) != null && result.getResult().getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
            LDAPResult r = result.getResult();
            result.setResult(new LDAPResult(r.getMessageID(), ResultCode.CONSTRAINT_VIOLATION,
                    "00000056: AtrErr: DSID-03190F80, #1: 0: 00000056: DSID-03190F80, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)",
                    null, (String[]) null, (Control[]) null));
        }
    }

    private static String unquote(byte[] value) throws LDAPException {
        String quoted = new String(value, StandardCharsets.UTF_16LE);
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "0000052D: the unicodePwd value is not a quoted UTF-16LE string");
        }
        return quoted.substring(1, quoted.length() - 1);
    }
}
