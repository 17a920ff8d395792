package dev.tessera.admin;

import dev.tessera.audit.AuditDiff;
import dev.tessera.audit.AuditType;
import dev.tessera.client.Client;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientJson;
import dev.tessera.client.ClientMetadata;
import dev.tessera.client.ClientRegistry;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * An administrator's changes to clients, from the admin API and the console alike: the registry's one set of rules
 * ({@link ClientRegistry}, {@code ClientMetadataPolicy}), then the audit record with its diff ({@link AdminChanges}),
 * the actor named by the caller.
 */
@ApplicationScoped
public class ClientChanges {

    @Inject
    ClientRegistry registry;

    @Inject
    AdminChanges changes;

    public ClientRegistry.Registered create(JsonObject json, String actor) {
        String requestedId = json.containsKey(ClientFields.CLIENT_ID) ? json.getString(ClientFields.CLIENT_ID, null) : null;
        ClientRegistry.Registered created = registry.create(ClientMetadata.fromJson(json), requestedId);
        changes.changed(AuditType.CLIENT_CREATED, actor, null, created.client().clientId(), null, ClientJson.of(created.client(), null).build());
        return created;
    }

    /** Replaces the metadata (members left out take their defaults); the client as it is now. */
    public JsonObject update(String id, JsonObject json, String actor) {
        JsonObject before = ClientJson.of(existing(id), null).build();
        JsonObject after = ClientJson.of(registry.update(id, ClientMetadata.fromJson(json)), null).build();
        changes.changed(AuditType.CLIENT_UPDATED, actor, null, id, before, after);
        return after;
    }

    /** Switches the client on or off, its other metadata unchanged: an update like any other. */
    public JsonObject enable(String id, boolean enabled, String actor) {
        JsonObject current = ClientJson.of(existing(id), null).build();
        return update(id, JsonFactories.BUILDERS.createObjectBuilder(current).add(ClientFields.ENABLED, enabled).build(), actor);
    }

    public void delete(String id, String actor) {
        JsonObject before = ClientJson.of(existing(id), null).build();
        registry.delete(id);
        changes.changed(AuditType.CLIENT_DELETED, actor, null, id, before, null);
    }

    /** A new secret, returned in clear once; the old one stops working at once. */
    public ClientRegistry.Registered rotateSecret(String id, String actor) {
        ClientRegistry.Registered rotated = registry.rotateSecret(id);
        changes.record(AuditType.CLIENT_SECRET_ROTATED, actor, null, id, Map.of(AuditDiff.AFTER + "client_secret", AuditDiff.MASK));
        return rotated;
    }

    public Client existing(String id) {
        return registry.find(id).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No client " + id));
    }
}
