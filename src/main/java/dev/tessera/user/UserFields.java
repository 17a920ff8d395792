package dev.tessera.user;

/**
 * Members of the admin API's user JSON that are not OpenID Connect claims ({@link StandardClaims} holds
 * those). {@code sub} and the times are answered, and ignored when sent back.
 */
public final class UserFields {
    public static final String USERNAME = "username";
    public static final String ENABLED = "enabled";
    public static final String PASSWORD = "password";
    public static final String GROUPS = StandardClaims.GROUPS;
    public static final String PASSWORD_SET = "password_set";
    public static final String PASSWORD_CHANGED_AT = "password_changed_at";
    public static final String CREATED_AT = "created_at";

    private UserFields() {
    }
}
