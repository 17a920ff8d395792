package dev.tessera.registration;

import dev.tessera.oauth.JsonBodies;
import dev.tessera.client.Client;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientRegistry;
import dev.tessera.client.ClientRepository;
import dev.tessera.client.ClientSecrets;
import dev.tessera.config.RegistrationSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

/**
 * Registration (RFC 7591 §3) and the client configuration endpoint (RFC 7592 §2). Callers are checked
 * before their body is even parsed, so without a valid token nothing about the metadata policy leaks.
 * Each operation is one transaction: the initial access token's use, the client row and its
 * registration access token hash commit together or not at all.
 */
@ApplicationScoped
public class RegistrationService {
    private static final int REGISTRATION_TOKEN_BYTES = 32;

    @Inject
    RegistrationSettings settings;

    @Inject
    InitialAccessTokens initialTokens;

    @Inject
    ClientRegistry registry;

    @Inject
    ClientRepository clients;

    @Inject
    ClientSecrets secrets;

    /**
     * A registration as the endpoints answer it.
     *
     * @param secret            the clear client secret, only when one was just issued
     * @param registrationToken the registration access token: new on registration, else the one presented
     */
    public record Registration(Client client, String secret, String registrationToken) {
    }

    @Transactional
    public Registration register(String authorization, String body) {
        admitRegistrant(authorization);
        JsonObject json = JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA);
        // The client_id is always generated: RFC 7591 §2 lists no client_id the registrant may choose.
        ClientRegistry.Registered created = registry.create(RegistrantMetadata.forCreate(json, settings), null);
        // RFC 7592 §1.2: the registration access token authorizes later reads, updates and deletes.
        String registrationToken = Secrets.random(REGISTRATION_TOKEN_BYTES);
        created.client().registrationTokenHash(Secrets.sha256Hex(registrationToken));
        return new Registration(created.client(), created.secret(), registrationToken);
    }

    public Registration read(String clientId, String authorization) {
        String token = presented(authorization);
        // The secret is never shown again: only its hash is kept.
        return new Registration(clientFor(clientId, token), null, token);
    }

    @Transactional
    public Registration update(String clientId, String authorization, String body) {
        String token = presented(authorization);
        Client client = clientFor(clientId, token);
        JsonObject json = JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA);
        // RFC 7592 §2.2: "The client MUST include its client_id field in the request, and it MUST be the
        // same as its currently issued client identifier."
        if (!(json.get(ClientFields.CLIENT_ID) instanceof JsonString id) || !id.getString().equals(clientId)) {
            throw invalidMetadata("client_id must be present and equal to the client_id in the path");
        }
        // RFC 7592 §2.2: a client_secret in the request "MUST match the currently issued client secret";
        // the client "MUST NOT be allowed to overwrite its existing client secret with its own chosen value".
        JsonValue secret = json.get(ClientFields.CLIENT_SECRET);
        if (secret != null && secret != JsonValue.NULL
                && (!(secret instanceof JsonString s) || !secrets.matches(client, s.getString()))) {
            throw invalidMetadata("client_secret does not match the current secret; it cannot be chosen by the client");
        }
        ClientRegistry.Registered updated = registry.update(clientId, RegistrantMetadata.forUpdate(json, client, settings), true);
        return new Registration(updated.client(), updated.secret(), token);
    }

    /** RFC 7592 §2.3: deleting "will invalidate the client_id, client_secret, and registration_access_token". */
    @Transactional
    public void delete(String clientId, String authorization) {
        clientFor(clientId, presented(authorization));
        registry.delete(clientId);
    }

    /**
     * RFC 7591 §3: an initial access token when one is presented (it is then always checked and spent),
     * and required unless open registration is configured.
     */
    void admitRegistrant(String authorization) {
        String token = BearerToken.parse(authorization);
        if (token == null) {
            if (!settings.open()) {
                throw BearerToken.missing("Registration needs an initial access token (Authorization: Bearer)");
            }
            return;
        }
        if (!initialTokens.consume(token)) {
            throw BearerToken.invalid("The initial access token is unknown, expired or used up");
        }
    }

    private static String presented(String authorization) {
        String token = BearerToken.parse(authorization);
        if (token == null) {
            throw BearerToken.missing("The registration access token is required (Authorization: Bearer)");
        }
        return token;
    }

    /**
     * The client the registration access token belongs to, if it is the one in the path. Any other case,
     * including a client that does not exist, is the same 401 (RFC 7592 §2.1: "If the client does not
     * exist on this server, the server MUST respond with HTTP 401 Unauthorized"), so ids cannot be probed.
     */
    private Client clientFor(String clientId, String token) {
        return clients.findByRegistrationTokenHash(Secrets.sha256Hex(token))
                .filter(c -> c.clientId().equals(clientId))
                .orElseThrow(() -> BearerToken.invalid("The registration access token is not valid for this client"));
    }

    private static OAuthException invalidMetadata(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT_METADATA, description);
    }
}
