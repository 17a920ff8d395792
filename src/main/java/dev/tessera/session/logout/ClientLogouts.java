package dev.tessera.session.logout;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * A back-channel logout to one client outside any session's end: a person's access to that client was removed
 * (consent revoked), so the client must forget the person's sessions with it. The logout token then carries
 * {@code sub} and no {@code sid} (Back-Channel Logout 1.0 §2.4: "either a sub or a sid Claim"). Recorded in the
 * caller's transaction, delivered after it commits, like a session's end.
 */
@ApplicationScoped
public class ClientLogouts {

    @Inject
    ClientDirectory clients;

    @Inject
    DeliveryStore store;

    @Inject
    BackchannelWorker worker;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** @return whether a delivery was recorded (false when the client registered no back-channel logout) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notify(String clientId, String subject, String reason) {
        boolean registered = clients.find(clientId).filter(Client::enabled).map(Client::backchannelLogoutUri).isPresent();
        if (registered) {
            store.add(clientId, subject, null, reason);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        worker.wake();
                    }
                }
            });
        }
        return registered;
    }
}
