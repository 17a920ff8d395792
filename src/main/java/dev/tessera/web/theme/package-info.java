/**
 * Themes: the page contract (docs/themes.md, "theme contract version 1": slots, element ids, message keys)
 * and an operator's theme directory outside the WAR ({@code tessera.theme.dir}): stylesheet, logo, icon,
 * message overrides and overrides of the named slots, checked at start-up so that nothing in a theme can
 * break sign-in. Assets are served with a content hash in the URL and long-lived caching (RFC 9111 §5.2.2.1
 * {@code max-age}; RFC 8246 {@code immutable}).
 */
package dev.tessera.web.theme;
