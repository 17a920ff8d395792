package dev.tessera.web.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a theme directory (docs/themes.md, "A theme directory") and keeps only what passes: every problem,
 * an unknown slot, key, setting or language, a missing or oversized file, a fragment that is not safe to
 * include, is recorded as "file:line: what" and the built-in default stays in its place.
 */
public final class ThemeLoader {
    static final String SETTINGS = "theme.properties";
    static final String SLOTS = "slots";
    static final long MAX_ASSET_BYTES = 2L * 1024 * 1024;
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(css|png|svg|ico|jpg|jpeg|webp|gif|woff|woff2)");
    private static final Pattern MESSAGES = Pattern.compile("messages(?:_([A-Za-z]{2,3}))?\\.properties");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"));

    private final Set<String> knownKeys;
    private final Set<String> languages;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param knownKeys every message key of the built-in bundle: a theme may override these and no others
     * @param languages the languages of the pages
     */
    public ThemeLoader(Set<String> knownKeys, Set<String> languages) {
        this.knownKeys = knownKeys;
        this.languages = languages;
    }

    public Theme load(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": not a directory; the built-in look is used");
            return new Theme(Theme.NONE.hash(), Map.of(), Map.of(), Map.of(), Map.of(), problems);
        }
        Map<String, Theme.Asset> assets = new TreeMap<>();
        Map<String, Map<String, String>> messages = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher bundle = MESSAGES.matcher(name);
                if (Files.isDirectory(file) || name.equals(SETTINGS)) {
                    continue;
                } else if (bundle.matches()) {
                    messages(file, bundle.group(1), messages);
                } else if (ASSET.matcher(name).matches()) {
                    asset(file, name, assets);
                } else {
                    problems.add(file + ":1: not part of a theme (docs/themes.md lists what a theme directory holds); ignored");
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot be listed: " + e.getMessage());
        }
        Map<String, String> roles = roles(dir.resolve(SETTINGS), assets);
        Map<String, byte[]> slots = slots(dir.resolve(SLOTS));
        return new Theme(hash(assets), assets, roles, slots, messages, problems);
    }

    private void asset(Path file, String name, Map<String, Theme.Asset> assets) throws IOException {
        if (Files.size(file) > MAX_ASSET_BYTES) {
            problems.add(file + ":1: larger than " + MAX_ASSET_BYTES + " bytes; not served");
            return;
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        assets.put(name, new Theme.Asset(type, Files.readAllBytes(file)));
    }

    private void messages(Path file, String language, Map<String, Map<String, String>> messages) throws IOException {
        String lang = language == null ? "" : language;
        if (!lang.isEmpty() && !languages.contains(lang)) {
            problems.add(file + ":1: the pages have no language '" + lang + "' (they have " + languages + "); ignored");
            return;
        }
        PropertiesFile props = PropertiesFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, String> texts = new HashMap<>();
        props.values().forEach((key, value) -> {
            if (knownKeys.contains(key)) {
                texts.put(key, value);
            } else {
                problems.add(file + ":" + props.line(key) + ": unknown message key '" + key + "'; ignored");
            }
        });
        messages.put(lang, texts);
    }

    private Map<String, String> roles(Path settings, Map<String, Theme.Asset> assets) {
        Map<String, String> roles = new HashMap<>();
        if (!Files.isRegularFile(settings)) {
            return roles;
        }
        try {
            PropertiesFile props = PropertiesFile.parse(Files.readString(settings, StandardCharsets.UTF_8));
            props.values().forEach((key, value) -> {
                String where = settings + ":" + props.line(key) + ": ";
                if (!Set.of(Theme.STYLESHEET, Theme.LOGO, Theme.FAVICON).contains(key)) {
                    problems.add(where + "unknown setting '" + key + "' (known: stylesheet, logo, favicon); ignored");
                } else if (!assets.containsKey(value.trim())) {
                    problems.add(where + key + " names '" + value.trim() + "', which is not a file of the theme; the default is used");
                } else {
                    roles.put(key, value.trim());
                }
            });
        } catch (IOException e) {
            problems.add(settings + ":1: cannot be read: " + e.getMessage());
        }
        return roles;
    }

    private Map<String, byte[]> slots(Path dir) {
        Map<String, byte[]> slots = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return slots;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String slot = name.endsWith(".xhtml") ? name.substring(0, name.length() - ".xhtml".length()) : null;
                if (slot == null || !ThemeContract.THEME_SLOTS.contains(slot)) {
                    problems.add(file + ":1: unknown slot '" + (slot == null ? name : slot) + "' (a theme may replace "
                            + ThemeContract.THEME_SLOTS.stream().sorted().toList() + "); ignored");
                    continue;
                }
                byte[] content = Files.readAllBytes(file);
                List<String> found = SlotCheck.problems(content, knownKeys);
                if (found.isEmpty()) {
                    slots.put(slot, content);
                } else {
                    found.forEach(p -> problems.add(file + ":" + p.substring("line ".length()) + "; the default " + slot + " is used"));
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot be listed: " + e.getMessage());
        }
        return slots;
    }

    static String hash(Map<String, Theme.Asset> assets) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            assets.forEach((name, asset) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(asset.content());
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
