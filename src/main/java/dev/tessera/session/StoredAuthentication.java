package dev.tessera.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;

/**
 * {@link Authentication} in the columns {@code auth_time}, {@code amr} and {@code acr} that every table of a
 * grant shares (SSO session, authorization code, refresh token, device code). A row keeps it by value: an
 * entity takes a copy, never another entity's instance, so one row can never change another's.
 *
 * <p>{@code amr} is stored space-separated (method names are tokens, RFC 8176 §2) and read back here only.
 * {@code auth_time} goes through the auto-applied {@code InstantConverter} like every other Instant. A row
 * whose three columns are all null (a device code nobody has decided yet) reads back as no embedded
 * object at all, on EclipseLink and Hibernate alike.
 */
@Embeddable
public class StoredAuthentication {
    @Column(name = "auth_time")
    private Instant authTime;

    @Column(name = "amr", length = 200)
    private String amr;

    @Column(name = "acr", length = 200)
    private String acr;

    protected StoredAuthentication() {
    }

    public StoredAuthentication(Authentication authentication) {
        this.authTime = authentication.authTime();
        this.amr = String.join(" ", authentication.amr());
        this.acr = authentication.acr();
    }

    /** For a row that may not know the authentication yet (a device code before the decision): null stays null. */
    public static StoredAuthentication of(Authentication authentication) {
        return authentication == null ? null : new StoredAuthentication(authentication);
    }

    /** The facts of an embedded value that may be absent (all three columns null). */
    public static Authentication valueOf(StoredAuthentication stored) {
        return stored == null ? null : stored.value();
    }

    public Authentication value() {
        return new Authentication(authTime, amr == null || amr.isBlank() ? List.of() : List.of(amr.split(" ")), acr);
    }
}
