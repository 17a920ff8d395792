package dev.tessera.web.theme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a theme's slot fragment before the template may include it: well-formed XML rooted in
 * {@code ui:composition}, only the tags a slot needs (text, links, images: no forms, no includes, no other
 * pages), and expressions only on {@code msg} (with known keys) and {@code page}. Each problem names its line.
 */
final class SlotCheck extends DefaultHandler {
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String UI = "jakarta.faces.facelets";
    static final String H = "jakarta.faces.html";
    static final String F = "jakarta.faces.core";
    private static final Map<String, Set<String>> ALLOWED_TAGS = Map.of(
            UI, Set.of("composition", "fragment", "repeat"),
            H, Set.of("outputText", "outputLink", "outputFormat", "graphicImage", "panelGroup"),
            F, Set.of("param"));
    private static final Pattern EXPRESSION = Pattern.compile("[#$]\\{([^}]*)}");
    private static final Pattern MESSAGE_KEY = Pattern.compile("\\bmsg\\s*\\[\\s*'([^']*)'\\s*]");
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])[A-Za-z_]\\w*");
    private static final Set<String> KEYWORDS = Set.of("not", "empty", "and", "or", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "div", "mod", "instanceof");

    private final Set<String> knownKeys;
    private final List<String> problems = new ArrayList<>();
    /** Names a ui:repeat of the fragment declares ({@code var}), usable inside it like the roots. */
    private final Set<String> variables = new HashSet<>(ThemeContract.SLOT_EXPRESSION_ROOTS);
    private Locator locator;
    private boolean rootSeen;

    private SlotCheck(Set<String> knownKeys) {
        this.knownKeys = knownKeys;
    }

    /** The problems of {@code content}, each as "line N: what"; empty when the fragment may be used. */
    static List<String> problems(byte[] content, Set<String> knownKeys) {
        SlotCheck check = new SlotCheck(knownKeys);
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new ByteArrayInputStream(content), check);
        } catch (SAXParseException e) {
            check.problems.add("line " + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | IOException e) {
            check.problems.add("line 1: cannot be read: " + e.getMessage());
        }
        return check.problems;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!rootSeen) {
            rootSeen = true;
            if (!UI.equals(uri) || !"composition".equals(localName)) {
                problem("the fragment must be a <ui:composition xmlns:ui=\"" + UI + "\">, not <" + qName + ">");
            } else if (attributes.getValue("template") != null) {
                problem("a slot fragment may not name a template");
            }
        } else if (!isHtml(uri) && !ALLOWED_TAGS.getOrDefault(uri, Set.of()).contains(localName)) {
            problem("<" + qName + "> is not allowed in a slot (allowed: HTML, ui:fragment, ui:repeat, h:outputText, "
                    + "h:outputLink, h:outputFormat, h:graphicImage, h:panelGroup, f:param)");
        }
        if (isHtml(uri) && ("form".equals(localName) || "script".equals(localName))) {
            problem("<" + localName + "> is not allowed in a slot");
        }
        if (UI.equals(uri) && attributes.getValue("var") != null) {
            variables.add(attributes.getValue("var"));
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            expressions(attributes.getValue(i));
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        expressions(new String(ch, start, length));
    }

    private void expressions(String text) {
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            Matcher key = MESSAGE_KEY.matcher(m.group(1));
            while (key.find()) {
                if (!knownKeys.contains(key.group(1))) {
                    problem("unknown message key '" + key.group(1) + "'");
                }
            }
            Matcher name = IDENTIFIER.matcher(LITERAL.matcher(m.group(1)).replaceAll("''"));
            while (name.find()) {
                if (!KEYWORDS.contains(name.group()) && !variables.contains(name.group())) {
                    problem("the expression " + m.group() + " uses '" + name.group() + "'; a slot may only use "
                            + ThemeContract.SLOT_EXPRESSION_ROOTS);
                }
            }
        }
    }

    /** Facelets writes elements of the XHTML namespace, and those of none, as they are. */
    private static boolean isHtml(String uri) {
        return XHTML.equals(uri) || uri == null || uri.isEmpty();
    }

    private void problem(String text) {
        problems.add("line " + (locator != null ? locator.getLineNumber() : 1) + ": " + text);
    }
}
