package dev.tessera.web;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** How a client is shown on pages: its name (or id), and its logo and links only when https. */
@ApplicationScoped
public class ClientView {

    @Inject
    ClientDirectory clients;

    public String displayName(String clientId) {
        return clients.find(clientId).map(c -> c.clientName() != null ? c.clientName() : c.clientId()).orElse(clientId);
    }

    /** The client's name and https logo for the page's client block. */
    public ClientBrand brand(String clientId) {
        return new ClientBrand(displayName(clientId), find(clientId).map(Client::logoUri).map(ClientView::httpsOnly).orElse(null));
    }

    public Optional<Client> find(String clientId) {
        return clients.find(clientId);
    }

    /** Only https URLs reach a page, so a registered javascript: or data: URL can never be rendered. */
    public static String httpsOnly(String url) {
        return url != null && url.startsWith("https://") ? url : null;
    }
}
