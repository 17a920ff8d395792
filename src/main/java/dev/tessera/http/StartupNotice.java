package dev.tessera.http;

import java.util.Optional;

/**
 * Something an operator must read after start-up (the admin secret generated on the first start, a setting
 * that was ignored), contributed to the closing block of {@link StartupBanner} by the part that knows it. The
 * banner comes last in the log, after the container's own lines, so the newcomer finds it.
 */
public interface StartupNotice {
    /** Lines to show, already worded for the operator; empty when there is nothing to say. */
    Optional<String> notice();
}
