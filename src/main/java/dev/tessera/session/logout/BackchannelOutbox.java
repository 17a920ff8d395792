package dev.tessera.session.logout;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import dev.tessera.session.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Turns a session's end into back-channel deliveries. The rows are written by a synchronous observer, inside the
 * transaction that removed the session: either the session ends and every delivery is recorded, or neither
 * happens, so a node that dies right after the logout loses nothing (another node's worker delivers). Only after
 * that transaction commits is this node's worker woken, so the person's own request never waits for an application.
 */
@ApplicationScoped
public class BackchannelOutbox {

    @Inject
    ClientDirectory clients;

    @Inject
    DeliveryStore store;

    @Inject
    BackchannelWorker worker;

    void record(@Observes SessionEnded event) {
        for (String clientId : event.clients()) {
            clients.find(clientId).filter(Client::enabled).filter(c -> c.backchannelLogoutUri() != null)
                    .ifPresent(c -> store.add(c.clientId(), event.subject(), event.sid(), event.reason().wireName()));
        }
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded event) {
        worker.wake();
    }
}
