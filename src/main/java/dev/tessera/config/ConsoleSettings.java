package dev.tessera.config;

import java.time.Duration;
import java.util.Set;

/**
 * The operators' console (docs/console.md).
 *
 * @param groups         members of any of these groups have full access ({@code tessera.admin.groups})
 * @param readOnlyGroups members of any of these (and of none of {@code groups}) may look but not change
 *                       ({@code tessera.admin.read-only-groups})
 * @param idleTimeout    a console session unused this long is over ({@code tessera.admin.console-idle-timeout})
 */
public record ConsoleSettings(Set<String> groups, Set<String> readOnlyGroups, Duration idleTimeout) {
}
