package dev.tessera.config;

/**
 * What operators put on the pages without rebuilding (docs/themes.md). Each is null when not set.
 *
 * @param themeDir       {@code tessera.theme.dir}: the theme directory outside the WAR
 * @param helpUrl        {@code tessera.ui.help-url}: the operator's help page, linked on every page
 * @param supportContact {@code tessera.ui.support-contact}: how to reach support (text, e.g. an address or a phone number)
 * @param resetUrl       {@code tessera.login.reset-url}: where a person resets a forgotten password
 */
public record UiSettings(String themeDir, String helpUrl, String supportContact, String resetUrl) {
    public UiSettings {
        for (String url : new String[] {helpUrl, resetUrl}) {
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("/")) {
                throw new IllegalArgumentException(ConfigKeys.UI_HELP_URL + " and " + ConfigKeys.LOGIN_RESET_URL
                        + " must be http(s) URLs or paths on this server, not " + url);
            }
        }
    }
}
