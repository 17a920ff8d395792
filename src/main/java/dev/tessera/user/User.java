package dev.tessera.user;

import dev.tessera.persistence.FitsColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A person in the local store. The subject is random and assigned once (OpenID Connect Core §2: "A
 * locally unique and never reassigned identifier"), so renaming a user never changes {@code sub}.
 * Every claim is a typed column; the password only as an Argon2id PHC string. The table is
 * {@code user_account} because {@code user} is reserved in PostgreSQL and H2.
 */
@Entity
@Table(name = "user_account")
@FitsColumns(unbounded = "group_names")
public class User {
    @Id
    @Column(name = "subject", length = 64)
    private String subject;

    @Column(name = "username", nullable = false, length = 255)
    private String username;

    @Column(name = "username_normalized", nullable = false, length = 255)
    private String usernameNormalized;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "password_hash", length = 256)
    private String passwordHash;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "name", length = 255)
    private String name;
    @Column(name = "given_name", length = 255)
    private String givenName;
    @Column(name = "family_name", length = 255)
    private String familyName;
    @Column(name = "middle_name", length = 255)
    private String middleName;
    @Column(name = "nickname", length = 255)
    private String nickname;
    @Column(name = "profile", length = 2000)
    private String profile;
    @Column(name = "picture", length = 2000)
    private String picture;
    @Column(name = "website", length = 2000)
    private String website;
    @Column(name = "email", length = 320)
    private String email;
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;
    @Column(name = "gender", length = 64)
    private String gender;
    @Column(name = "birthdate", length = 10)
    private String birthdate;
    @Column(name = "zoneinfo", length = 64)
    private String zoneinfo;
    @Column(name = "locale", length = 35)
    private String locale;
    @Column(name = "phone_number", length = 64)
    private String phoneNumber;
    @Column(name = "phone_number_verified", nullable = false)
    private boolean phoneNumberVerified;
    @Column(name = "address_formatted", length = 1000)
    private String addressFormatted;
    @Column(name = "address_street", length = 1000)
    private String addressStreet;
    @Column(name = "address_locality", length = 255)
    private String addressLocality;
    @Column(name = "address_region", length = 255)
    private String addressRegion;
    @Column(name = "address_postal_code", length = 64)
    private String addressPostalCode;
    @Column(name = "address_country", length = 255)
    private String addressCountry;

    @Convert(converter = GroupsConverter.class)
    @Column(name = "group_names", length = 100000)
    private List<String> groups = List.of();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected User() {
    }

    public User(String subject, UserProfile profile, Instant now) {
        this.subject = subject;
        this.createdAt = now;
        profile(profile, now);
    }

    public String subject() { return subject; }
    public String username() { return username; }
    public String usernameNormalized() { return usernameNormalized; }
    public boolean enabled() { return enabled; }
    public String passwordHash() { return passwordHash; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    public void enabled(boolean value, Instant now) {
        enabled = value;
        updatedAt = now;
    }

    /** A new password chosen by someone: the hash and the time of the change. */
    public void password(String hash, Instant now) {
        passwordHash = hash;
        passwordChangedAt = now;
        updatedAt = now;
    }

    /** The same password, hashed more strongly: not a change of password, so no time moves. */
    void rehashed(String hash) {
        passwordHash = hash;
    }

    public UserProfile profile() {
        return new UserProfile(username, name, givenName, familyName, middleName, nickname, profile, picture, website,
                email, emailVerified, gender, birthdate, zoneinfo, locale, phoneNumber, phoneNumberVerified,
                new PostalAddress(addressFormatted, addressStreet, addressLocality, addressRegion, addressPostalCode,
                        addressCountry), groups);
    }

    /** Replaces every profile column (absent members become null) and keeps the normalized username in step. */
    public void profile(UserProfile p, Instant now) {
        username = p.username();
        usernameNormalized = Usernames.normalize(p.username());
        name = p.name();
        givenName = p.givenName();
        familyName = p.familyName();
        middleName = p.middleName();
        nickname = p.nickname();
        profile = p.profile();
        picture = p.picture();
        website = p.website();
        email = p.email();
        emailVerified = p.emailVerified();
        gender = p.gender();
        birthdate = p.birthdate();
        zoneinfo = p.zoneinfo();
        locale = p.locale();
        phoneNumber = p.phoneNumber();
        phoneNumberVerified = p.phoneNumberVerified();
        PostalAddress a = p.address() == null ? new PostalAddress(null, null, null, null, null, null) : p.address();
        addressFormatted = a.formatted();
        addressStreet = a.streetAddress();
        addressLocality = a.locality();
        addressRegion = a.region();
        addressPostalCode = a.postalCode();
        addressCountry = a.country();
        groups = p.groups();
        updatedAt = now;
    }
}
