package dev.tessera.client;

/** A client whose credentials were checked, and the method (its wire name) that checked them. */
public record AuthenticatedClient(Client client, String method) {
    public String clientId() {
        return client.clientId();
    }
}
