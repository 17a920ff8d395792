package dev.tessera.admin;

import dev.tessera.audit.AuditDiff;
import dev.tessera.audit.AuditType;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.LoginUnlocks;
import dev.tessera.user.User;
import dev.tessera.user.UserAdministration;
import dev.tessera.user.UserFields;
import dev.tessera.user.UserJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * An administrator's changes to a local user, from the admin API and the console alike: the user administration's
 * rules, then the audit record with its diff ({@link AdminChanges}), the actor named by the caller.
 */
@ApplicationScoped
public class UserChanges {

    @Inject
    UserAdministration users;

    @Inject
    LoginUnlocks unlocks;

    @Inject
    AdminChanges changes;

    /** Creates a local user from the admin API's JSON (password optional); audited with the user as it is, password masked. */
    public User create(JsonObject json, String actor) {
        UserJson.Input input = UserJson.read(json, true);
        User created = users.create(input.profile(), input.enabled() == null || input.enabled(), input.password());
        changes.changed(AuditType.USER_CREATED, actor, created.subject(), null, null, UserJson.write(created).build());
        return created;
    }

    /** Replaces a local user's profile (claims left out are removed; enabled only when present); the user as it is now. */
    public JsonObject update(String sub, JsonObject json, String actor) {
        UserJson.Input input = UserJson.read(json, false);
        JsonObject before = UserJson.write(existing(sub)).build();
        JsonObject after = UserJson.write(users.update(sub, input.profile(), input.enabled())).build();
        changes.changed(AuditType.USER_UPDATED, actor, sub, null, before, after);
        return after;
    }

    /** Disables (no more logins, and what was issued stops working) or enables again; the user as it is now. */
    public JsonObject enable(String sub, boolean enabled, String actor) {
        JsonObject before = UserJson.write(existing(sub)).build();
        JsonObject after = UserJson.write(users.setEnabled(sub, enabled)).build();
        changes.changed(AuditType.USER_UPDATED, actor, sub, null, before, after);
        return after;
    }

    public void setPassword(String sub, String password, String actor) {
        users.setPassword(sub, password);
        changes.record(AuditType.USER_PASSWORD_SET, actor, sub, null, Map.of(AuditDiff.AFTER + UserFields.PASSWORD, AuditDiff.MASK));
    }

    /** Clears the login throttle of a user, local or from the directory (audited by the throttle's own unlock). */
    public void unlock(String sub, String actor) {
        unlocks.unlock(sub, actor);
    }

    public User existing(String sub) {
        return users.find(sub).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No user " + sub));
    }
}
