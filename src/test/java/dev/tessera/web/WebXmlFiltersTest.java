package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tessera.admin.ConsoleGate;
import dev.tessera.http.FacesPathsFilter;
import dev.tessera.oauth.OAuthError;
import jakarta.servlet.Filter;
import jakarta.servlet.annotation.WebFilter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The servlet filters run in the order web.xml declares (Servlet 6.0 §6.2.4); annotated filters would run in an order
 * no specification names (Payara chained the size limits before the request id, so a 413 carried no id). These checks
 * keep that order meaning what web.xml's comment says, and keep every filter inside it. The order of the steps inside
 * the first filter is EveryRequestFilterTest's.
 */
class WebXmlFiltersTest {
    private static final Path WEB_XML = Path.of("src/main/webapp/WEB-INF/web.xml");
    /** Filter class name by filter name. */
    private static final Map<String, String> FILTERS = new LinkedHashMap<>();
    /** Filter names in the order of their mappings, with their URL patterns. */
    private static final List<Map.Entry<String, List<String>>> MAPPINGS = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(WEB_XML.toFile());
        NodeList filters = doc.getElementsByTagNameNS("*", "filter");
        for (int i = 0; i < filters.getLength(); i++) {
            Element filter = (Element) filters.item(i);
            FILTERS.put(text(filter, "filter-name").get(0), text(filter, "filter-class").get(0));
        }
        NodeList mappings = doc.getElementsByTagNameNS("*", "filter-mapping");
        for (int i = 0; i < mappings.getLength(); i++) {
            Element mapping = (Element) mappings.item(i);
            MAPPINGS.add(Map.entry(text(mapping, "filter-name").get(0), text(mapping, "url-pattern")));
        }
    }

    @Test
    void everyFilterOfTesseraIsDeclaredInWebXmlAndNoneIsAnnotated() {
        Set<String> filterClasses = new ClassFileImporter().importPath(mainClasses()).stream()
                .filter(c -> c.isAssignableTo(Filter.class) && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .filter(c -> c.getPackageName().startsWith("dev.tessera"))
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(filterClasses).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Set.copyOf(FILTERS.values())).as("filters declared in web.xml").isEqualTo(filterClasses);
        assertThat(filterClasses).allSatisfy(name -> assertThat(load(name).isAnnotationPresent(WebFilter.class)).as(name).isFalse());
        assertThat(MAPPINGS.stream().map(Map.Entry::getKey).distinct().toList()).as("each declared filter mapped once")
                .hasSize(MAPPINGS.size()).containsExactlyInAnyOrderElementsOf(FILTERS.keySet());
    }

    @Test
    void theFilterOfEveryRequestRunsFirstAndOnlyThePagesHaveMore() {
        List<String> order = MAPPINGS.stream().map(m -> FILTERS.get(m.getKey())).toList();
        // The console's gate before the Faces paths: without a console session nothing under the console's pages is
        // told apart, not even a missing page.
        assertThat(order).containsExactly(EveryRequestFilter.class.getName(), ConsoleGate.class.getName(),
                FacesPathsFilter.class.getName());
        assertThat(patternsOf(EveryRequestFilter.class)).containsExactly("/*");
        assertThat(patternsOf(ConsoleGate.class)).containsExactly(ConsoleGate.PAGES + "*");
        assertThat(patternsOf(FacesPathsFilter.class)).containsExactly("/ui/*");
    }

    private static List<String> patternsOf(Class<?> filter) {
        return MAPPINGS.stream().filter(m -> filter.getName().equals(FILTERS.get(m.getKey()))).findFirst()
                .map(Map.Entry::getValue).orElseThrow(() -> new AssertionError(filter + " is not mapped in web.xml"));
    }

    private static List<String> text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Path mainClasses() {
        try {
            return Path.of(OAuthError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
