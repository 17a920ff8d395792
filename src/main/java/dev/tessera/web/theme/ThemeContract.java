package dev.tessera.web.theme;

import java.util.List;
import java.util.Set;

/**
 * Theme contract version 1 (docs/themes.md): the template's named slots, which of them a theme may replace,
 * and what a replacement may refer to. The element ids and message keys of the contract are listed in
 * docs/themes.md and checked against the pages and bundles by ThemeContractTest.
 */
public final class ThemeContract {
    public static final int VERSION = 1;
    /** Every named slot of WEB-INF/templates/page.xhtml. */
    public static final List<String> SLOTS = List.of("header", "brand", "title", "body", "actions", "help", "footer");
    /**
     * The slots a theme may replace ({@code slots/NAME.xhtml}). Title, body and actions belong to each page:
     * they hold the forms a person signs in with, so no theme can take them away.
     */
    public static final Set<String> THEME_SLOTS = Set.of("header", "brand", "help", "footer");
    /** The only beans a slot fragment may use in expressions: the messages and the page frame. */
    public static final Set<String> SLOT_EXPRESSION_ROOTS = Set.of("msg", "page");
    /** The languages of the pages: each has a complete bundle (ThemeContractTest), faces-config.xml lists the same. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");
    /** Where the template includes a theme slot from; the theme's file replaces it. */
    public static final String SLOT_PATH = "/WEB-INF/templates/slots/";

    private ThemeContract() {
    }
}
