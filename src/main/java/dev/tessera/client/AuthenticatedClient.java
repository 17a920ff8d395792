package dev.tessera.client;

/** A client whose credentials were checked, and the method that checked them. */
public record AuthenticatedClient(Client client, ClientAuthMethod method) {
    public String clientId() {
        return client.clientId();
    }
}
