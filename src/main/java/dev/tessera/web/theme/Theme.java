package dev.tessera.web.theme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A theme as loaded and checked at start-up (everything in memory, so later edits of the directory change
 * nothing until a restart, and every URL's hash stays true): its assets by file name, which asset is the
 * stylesheet, logo and icon, its slot fragments, its message overrides by language ({@code ""} for all
 * languages), and the problems that were reported and left out.
 *
 * @param hash     the content hash of all assets, the first segment of every asset URL
 * @param assets   served files by name
 * @param roles    {@link #STYLESHEET}, {@link #LOGO}, {@link #FAVICON} to an asset name
 * @param slots    slot name to its checked fragment
 * @param messages language ({@code ""}: every language) to key to text
 * @param problems what was reported and ignored, as "file:line: what"
 */
public record Theme(String hash, Map<String, Asset> assets, Map<String, String> roles, Map<String, byte[]> slots,
        Map<String, Map<String, String>> messages, List<String> problems) {
    public static final String STYLESHEET = "stylesheet";
    public static final String LOGO = "logo";
    public static final String FAVICON = "favicon";
    /** Where assets are served: {@code /theme/HASH/NAME}. */
    public static final String PATH = "/theme/";
    /** The built-in look: no theme directory. */
    public static final Theme NONE = new Theme("none", Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    public Theme {
        assets = Map.copyOf(assets);
        roles = Map.copyOf(roles);
        slots = Map.copyOf(slots);
        messages = Map.copyOf(messages);
        problems = List.copyOf(problems);
    }

    /** The URL of the asset in {@code role}, or null when the theme has none. */
    public String url(String role) {
        String name = roles.get(role);
        return name == null ? null : PATH + hash + "/" + name;
    }

    /** The theme's text for {@code key} in {@code language}, else for every language, else null. */
    public String message(String language, String key) {
        String text = messages.getOrDefault(language, Map.of()).get(key);
        return text != null ? text : messages.getOrDefault("", Map.of()).get(key);
    }

    public Optional<byte[]> slot(String name) {
        return Optional.ofNullable(slots.get(name));
    }

    /** The asset under this hash and name; another hash is an older theme, which is gone. */
    public Optional<Asset> asset(String hash, String name) {
        return this.hash.equals(hash) ? Optional.ofNullable(assets.get(name)) : Optional.empty();
    }

    /** A served file. */
    public record Asset(String contentType, byte[] content) {
    }
}
