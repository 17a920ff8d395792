package dev.tessera.web;

import dev.tessera.admin.ClientChanges;
import dev.tessera.client.Client;
import dev.tessera.client.ClientJson;
import dev.tessera.client.ClientRegistry;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.OAuthError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * One client in the console: its metadata as the admin API reads and writes it (the same JSON, every member, checked by
 * the same rules through {@link ClientChanges}, so a refusal is the API's own {@code error_description}), a new secret
 * (shown once, on the page that made it), and switching it off or on. A new client is the same form without an id.
 */
@Named("consoleClient")
@RequestScoped
public class ConsoleClientBacking {
    /** What a new client's form starts with: a confidential web application. */
    static final String TEMPLATE = "{\n  \"client_id\": \"\",\n  \"client_name\": \"\",\n  \"redirect_uris\": [\"https://app.example.com/callback\"],\n"
            + "  \"grant_types\": [\"authorization_code\", \"refresh_token\"],\n  \"scope\": \"openid profile email\"\n}";

    @Inject
    ConsoleBacking console;

    @Inject
    ClientChanges changes;

    @Inject
    ClientRegistry registry;

    static final String ID = "id";

    private String id;
    private boolean idKnown;
    private String metadata;
    private String secret;
    private Optional<Client> client;

    /**
     * The client of the page: from the view parameter, and on a form post from the form's own {@code id} field, read at
     * once, since whether a button exists (and so whether Faces runs its action) depends on it before any model update.
     */
    public String getId() {
        if (!idKnown) {
            setId(console.parameter(ID));
        }
        return id;
    }

    public void setId(String id) {
        this.id = id == null || id.isBlank() ? null : id;
        idKnown = true;
        client = null;
    }

    public Client getClient() {
        if (client == null) {
            client = getId() == null ? Optional.empty() : registry.find(id);
        }
        return client.orElse(null);
    }

    public boolean isExisting() {
        return getClient() != null;
    }

    public String getMetadata() {
        if (metadata == null) {
            metadata = isExisting() ? pretty(ClientJson.of(getClient(), null).build()) : TEMPLATE;
        }
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    /** The clear secret just issued, or null: it is never shown again. */
    public String getSecret() {
        return secret;
    }

    public String save() {
        Object saved;
        if (isExisting()) {
            String current = getId();
            saved = console.change("console.client.saved", () -> changes.update(current, object(metadata), console.actor()));
        } else {
            ClientRegistry.Registered created = console.change("console.client.created", () -> changes.create(object(metadata), console.actor()));
            if (created != null) {
                setId(created.client().clientId());
                secret = created.secret();
            }
            saved = created;
        }
        if (saved != null) {
            client = null;
            metadata = null; // the form shows the client as stored; after a refusal, the operator's text stays
        }
        return null;
    }

    public String rotate() {
        ClientRegistry.Registered rotated = console.change("console.client.rotated", () -> changes.rotateSecret(getId(), console.actor()));
        secret = rotated == null ? null : rotated.secret();
        return null;
    }

    public String enable(boolean enabled) {
        if (console.change(enabled ? "console.client.enabled" : "console.client.disabled", () -> changes.enable(getId(), enabled, console.actor())) != null) {
            client = null;
            metadata = null;
        }
        return null;
    }

    private static JsonObject object(String text) {
        return JsonBodies.object(text, OAuthError.INVALID_CLIENT_METADATA);
    }

    static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip();
    }
}
