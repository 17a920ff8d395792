package dev.tessera.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's own words for a {@code User-Agent} header: the browser family with its major version and the operating
 * system, for the sessions a person or an administrator sees. A deliberately small table of the major families
 * (Edge, Opera, Samsung Internet, Firefox, Chrome and Chromium, Safari; Windows, iOS, Android, ChromeOS, macOS,
 * Linux), in the order that tells them apart: every Chromium-based browser also says "Chrome" and "Safari", iOS
 * says "like Mac OS X", Android says "Linux". Anything else is unknown (null), never guessed. No library: ua-parser
 * and Yauaa (not in the project's allowed packages, the latter large) bring thousands of patterns to name devices
 * this page does not need; the header is a hint the browser chooses, shown, never decided on.
 */
public final class UserAgents {
    /** What a header says: browser (with major version) and system, each null when not recognised. */
    public record Device(String browser, String system) {
        public boolean known() {
            return browser != null || system != null;
        }
    }

    private record Family(String name, Pattern pattern) {
    }

    private static final List<Family> BROWSERS = List.of(
            family("Edge", "Edg(?:e|A|iOS)?/(\\d+)"),
            family("Opera", "(?:OPR|OPiOS)/(\\d+)"),
            family("Samsung Internet", "SamsungBrowser/(\\d+)"),
            family("Firefox", "(?:Firefox|FxiOS)/(\\d+)"),
            family("Chromium", "Chromium/(\\d+)"),
            family("Chrome", "(?:HeadlessChrome|Chrome|CriOS)/(\\d+)"),
            family("Safari", "Version/(\\d+)(?:\\.\\d+)*(?: Mobile/\\w+)? Safari/"));

    private static final List<Family> SYSTEMS = List.of(
            family("Windows", "Windows NT"),
            family("iOS", "iPhone|iPad|iPod"),
            family("Android", "Android"),
            family("ChromeOS", "CrOS"),
            family("macOS", "Macintosh|Mac OS X"),
            family("Linux", "Linux|X11"));

    private UserAgents() {
    }

    public static Device describe(String header) {
        if (header == null || header.isBlank()) {
            return new Device(null, null);
        }
        String browser = null;
        for (Family f : BROWSERS) {
            Matcher m = f.pattern().matcher(header);
            if (m.find()) {
                browser = f.name() + " " + m.group(1);
                break;
            }
        }
        String system = SYSTEMS.stream().filter(f -> f.pattern().matcher(header).find()).map(Family::name).findFirst().orElse(null);
        return new Device(browser, system);
    }

    private static Family family(String name, String pattern) {
        return new Family(name, Pattern.compile(pattern));
    }
}
