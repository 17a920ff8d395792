package dev.tessera.user;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.UserStoreSettings;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user stores in the order {@code tessera.users.stores} names them. A name no store answers to stops
 * readiness at start-up (the check runs when the schema is ready) instead of failing the first login.
 */
@ApplicationScoped
public class UserStores {
    @Inject
    Instance<UserStore> available;

    @Inject
    UserStoreSettings settings;

    private volatile List<UserStore> ordered;

    void onSchemaReady(@Observes SchemaMigrated event) {
        ordered();
    }

    public List<UserStore> ordered() {
        List<UserStore> stores = ordered;
        if (stores == null) {
            stores = order(available.stream().toList(), settings.stores());
            ordered = stores;
        }
        return stores;
    }

    /**
     * The stores in the order a subject is looked up: the local database first, then the others as configured.
     * Subjects are unique across stores, so the order changes no answer; it only keeps a local person's every
     * request (userinfo, refresh, authorize with a session) from costing a directory search that must miss.
     */
    public List<UserStore> forSubjects() {
        List<UserStore> stores = new ArrayList<>(ordered());
        stores.sort(Comparator.comparing(store -> !JpaUserStore.ID.equals(store.id())));
        return stores;
    }

    static List<UserStore> order(List<UserStore> available, List<String> ids) {
        Map<String, UserStore> byId = available.stream().collect(Collectors.toMap(UserStore::id, Function.identity()));
        List<UserStore> stores = new ArrayList<>();
        for (String id : ids) {
            UserStore store = byId.get(id);
            if (store == null) {
                throw new IllegalStateException(ConfigKeys.USERS_STORES + " names the unknown user store '" + id
                        + "'; known stores: " + byId.keySet());
            }
            stores.add(store);
        }
        return List.copyOf(stores);
    }
}
