package dev.tessera.web;

import dev.tessera.admin.AdminChanges;
import dev.tessera.admin.AdminLogoutDeliveriesResource;
import dev.tessera.session.logout.DeliveryStatus;
import dev.tessera.session.logout.DeliveryStore;
import dev.tessera.session.logout.LogoutDelivery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Back-channel logout deliveries (OpenID Connect Back-Channel Logout 1.0 §2.7, retried by the worker) in the console:
 * those pending or given up, 25 a page oldest first (offset on the server, as
 * {@code GET /admin/api/logout-deliveries?status=...}), and "retry" (one more attempt now, as
 * {@code POST /admin/api/logout-deliveries/{id}/retry}, audited {@code admin.logout_delivery.retried}).
 */
@Named("consoleDeliveries")
@RequestScoped
public class ConsoleDeliveriesBacking {
    static final int PAGE = 25;

    /** One delivery. */
    public record Row(String id, String clientId, String subject, String reason, int attempts, String created, String next, String error) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    DeliveryStore store;

    @Inject
    AdminChanges changes;

    private List<LogoutDelivery> page;

    /** given_up (the default: those need an operator) or pending. */
    public String getStatus() {
        return DeliveryStatus.PENDING.wireName().equals(console.parameter("status")) ? DeliveryStatus.PENDING.wireName()
                : DeliveryStatus.GIVEN_UP.wireName();
    }

    public int getOffset() {
        return console.offset();
    }

    public List<Row> getRows() {
        if (page == null) {
            page = store.inStatus(DeliveryStatus.fromWireName(getStatus()).orElseThrow(), getOffset(), PAGE + 1);
        }
        Locales locales = console.locales();
        return page.stream().limit(PAGE).map(d -> new Row(d.id(), d.clientId(), d.subject(), d.reason(), d.attempts(),
                locales.dateTime(d.createdAt()), DeliveryStatus.PENDING.wireName().equals(d.status()) ? locales.dateTime(d.nextAttemptAt()) : "",
                d.lastError() == null ? "" : d.lastError())).toList();
    }

    public String getNext() {
        getRows();
        return page.size() > PAGE ? "/ui/admin/deliveries.xhtml?status=" + getStatus() + "&offset=" + (getOffset() + PAGE) : null;
    }

    public String retry(String id) {
        console.change("console.deliveries.retried", () -> {
            AdminLogoutDeliveriesResource.retry(store, changes, id, console.actor());
            return Boolean.TRUE;
        });
        page = null;
        return null;
    }
}
