package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.LoginMessages;
import dev.tessera.user.LoginResult;
import dev.tessera.user.LoginResult.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdBindErrorsTest {
    @ParameterizedTest
    @CsvSource({
            "52e, INVALID_CREDENTIALS, login.error.invalid",
            "525, INVALID_CREDENTIALS, login.error.invalid",
            "530, DISABLED, login.error.logon-restricted",
            "531, DISABLED, login.error.logon-restricted",
            "532, MUST_CHANGE_PASSWORD, login.error.password-expired",
            "533, DISABLED, login.error.disabled",
            "701, EXPIRED, login.error.expired",
            "773, MUST_CHANGE_PASSWORD, login.error.must-change-password",
            "775, LOCKED, login.error.account-locked"})
    void theDataCodeOfTheDiagnosticMessageDecides(String code, Reason reason, String key) {
        String message = "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data " + code + ", v4563";
        LoginResult.Failure failure = AdBindErrors.failure(message, "CN=x");
        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.messageKey()).isEqualTo(key);
        assertThat(failure.auditDetail()).contains("CN=x");
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "invalid credentials", "data"}, nullValues = "NULL")
    void otherServersWrongPasswordIsInvalidCredentials(String message) {
        assertThat(AdBindErrors.failure(message, "uid=x").messageKey()).isEqualTo(LoginMessages.INVALID);
    }
}
