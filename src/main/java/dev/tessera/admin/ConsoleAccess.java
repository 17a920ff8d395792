package dev.tessera.admin;

import dev.tessera.config.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * Who may use the console, by group (the same groups the {@code groups} claim carries, from the local store or the
 * directory): a member of {@code tessera.admin.groups} has full access, a member of
 * {@code tessera.admin.read-only-groups} only reads, anyone else is refused.
 */
@ApplicationScoped
public class ConsoleAccess {
    /** What the groups grant. */
    public enum Level { FULL, READ_ONLY, NONE }

    @Inject
    ConsoleSettings settings;

    public Level of(Collection<String> groups) {
        if (groups.stream().anyMatch(settings.groups()::contains)) {
            return Level.FULL;
        }
        return groups.stream().anyMatch(settings.readOnlyGroups()::contains) ? Level.READ_ONLY : Level.NONE;
    }

    public ConsoleSettings settings() {
        return settings;
    }
}
