package dev.tessera.web;

import dev.tessera.admin.UserChanges;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.OAuthError;
import dev.tessera.user.User;
import dev.tessera.user.UserAdministration;
import dev.tessera.user.UserFields;
import dev.tessera.user.UserJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A local user's profile in the console, as the admin API's JSON ({@code PUT /admin/api/users/{sub}}: every member,
 * validated by the same rules, audited {@code admin.user.updated} with the diff), and a new local user
 * ({@code POST /admin/api/users}, audited {@code admin.user.created}). The first password of a new user has a field of
 * its own, so that it is never written into the JSON shown back after a refusal.
 */
@Named("consoleProfile")
@RequestScoped
public class ConsoleProfileBacking {
    static final String TEMPLATE = "{\n  \"username\": \"\",\n  \"name\": \"\",\n  \"email\": \"\",\n  \"groups\": []\n}";

    @Inject
    ConsoleBacking console;

    @Inject
    ConsoleUserBacking user;

    @Inject
    UserAdministration users;

    @Inject
    UserChanges changes;

    private String profile;
    private String password;

    public String getProfile() {
        if (profile == null) {
            profile = user.getSub() == null ? TEMPLATE : users.find(user.getSub()).map(u -> ConsoleClientBacking.pretty(UserJson.write(u)
                    .build())).orElse("");
        }
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getPassword() {
        return null; // never shown again
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String save() {
        String sub = user.getSub();
        if (console.change("console.user.saved", () -> changes.update(sub, object(profile), console.actor())) != null) {
            profile = null; // shown as stored; after a refusal the operator's text stays
            user.setSub(sub);
        }
        return null;
    }

    public String create() {
        String chosen = password;
        password = null;
        User created = console.change(null, () -> {
            JsonObjectBuilder json = Json.createObjectBuilder(object(profile));
            if (chosen != null && !chosen.isEmpty()) {
                json.add(UserFields.PASSWORD, chosen);
            }
            return changes.create(json.build(), console.actor());
        });
        if (created != null) {
            console.show("user.xhtml", ConsoleUserBacking.SUB, created.subject());
        }
        return null;
    }

    private static JsonObject object(String text) {
        return JsonBodies.object(text, OAuthError.INVALID_REQUEST);
    }
}
