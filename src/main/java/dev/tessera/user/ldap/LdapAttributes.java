package dev.tessera.user.ldap;

/** Wire names of the LDAP and Active Directory attributes, object classes and controls Tessera reads. */
public final class LdapAttributes {
    // Active Directory ([MS-ADA1], [MS-ADA3]).
    public static final String OBJECT_GUID = "objectGUID";
    public static final String SAM_ACCOUNT_NAME = "sAMAccountName";
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    /** MIT Kerberos' LDAP schema (and Heimdal's): the principal name of a person's entry, for single sign-on. */
    public static final String KRB5_PRINCIPAL_NAME = "krb5PrincipalName";
    public static final String USER_ACCOUNT_CONTROL = "userAccountControl";
    public static final String PWD_LAST_SET = "pwdLastSet";
    public static final String ACCOUNT_EXPIRES = "accountExpires";
    public static final String MEMBER_OF = "memberOf";
    public static final String DISPLAY_NAME = "displayName";
    /** LDAP_MATCHING_RULE_IN_CHAIN ([MS-ADTS] §3.1.1.3.4.4.3): walks nested membership on the server. */
    public static final String MATCHING_RULE_IN_CHAIN = "1.2.840.113556.1.4.1941";

    // RFC 4519 (user schema), RFC 4530 (entryUUID), RFC 2798 (inetOrgPerson).
    public static final String ENTRY_UUID = "entryUUID";
    public static final String UID = "uid";
    public static final String CN = "cn";
    public static final String SN = "sn";
    public static final String GIVEN_NAME = "givenName";
    public static final String MAIL = "mail";
    public static final String TELEPHONE_NUMBER = "telephoneNumber";
    public static final String MEMBER = "member";
    public static final String OBJECT_CLASS = "objectClass";

    private LdapAttributes() {
    }
}
