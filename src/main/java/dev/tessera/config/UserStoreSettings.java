package dev.tessera.config;

import java.util.List;

/**
 * Which user stores the directory asks, in order.
 *
 * @param stores store ids (e.g. {@code local}); the first store that knows a username decides the login,
 *               so a store listed earlier shadows a same-named account in a later one
 */
public record UserStoreSettings(List<String> stores) {
    public UserStoreSettings {
        stores = List.copyOf(stores);
        if (stores.isEmpty()) {
            throw new IllegalArgumentException(ConfigKeys.USERS_STORES + " must name at least one user store, e.g. local");
        }
        if (stores.stream().distinct().count() != stores.size()) {
            throw new IllegalArgumentException(ConfigKeys.USERS_STORES + " names a store twice: " + stores);
        }
    }
}
