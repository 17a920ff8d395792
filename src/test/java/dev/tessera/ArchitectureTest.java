package dev.tessera;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tessera.oauth.OAuthError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of docs/architecture.md, enforced on the compiled classes: dependencies point down, never up,
 * and no two packages depend on each other, however long the loop. Plus two source rules that keep the
 * picture honest: no inline fully-qualified class name (a dependency an import list does not show) and no
 * main source file over 300 lines.
 */
class ArchitectureTest {
    private static final String[] EDGE = {"dev.tessera.web.."};
    private static final String[] CAPABILITIES = {"dev.tessera.authorize..", "dev.tessera.token..", "dev.tessera.device..",
        "dev.tessera.session..", "dev.tessera.userinfo..", "dev.tessera.registration..", "dev.tessera.admin..", "dev.tessera.kerberos..",
        "dev.tessera.mfa.."};
    private static final String[] DOMAIN = {"dev.tessera.client..", "dev.tessera.user..", "dev.tessera.consent..",
        "dev.tessera.trust.."};
    private static final String[] CLAIMS = {"dev.tessera.claims.."};
    private static final String[] INFRASTRUCTURE = {"dev.tessera.persistence..", "dev.tessera.crypto..", "dev.tessera.cluster..",
        "dev.tessera.keys..", "dev.tessera.http..", "dev.tessera.discovery..", "dev.tessera.health..", "dev.tessera.audit..", "dev.tessera.metrics.."};
    private static final String[] VOCABULARY = {"dev.tessera.oauth..", "dev.tessera.config.."};

    private static final Path MAIN = Path.of("src/main/java");
    private static JavaClasses classes;

    /** The main classes only, wherever the build put them (the directory or jar that holds {@link OAuthError}). */
    @BeforeAll
    static void importClasses() throws URISyntaxException {
        classes = new ClassFileImporter().importPath(Path.of(OAuthError.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    @Test
    void everyClassBelongsToAFloor() {
        List<String> packages = classes.stream().map(c -> c.getPackageName()).distinct().sorted().toList();
        assertThat(packages).isNotEmpty().allSatisfy(p -> assertThat(floorOf(p)).as("floor of " + p).isNotNull());
    }

    @Test
    void dependenciesPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("edge").definedBy(EDGE)
                .layer("capabilities").definedBy(CAPABILITIES)
                .layer("domain").definedBy(DOMAIN)
                .layer("claims").definedBy(CLAIMS)
                .layer("infrastructure").definedBy(INFRASTRUCTURE)
                .layer("vocabulary").definedBy(VOCABULARY)
                .whereLayer("edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("capabilities").mayOnlyBeAccessedByLayers("edge")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("capabilities", "edge")
                .whereLayer("claims").mayOnlyBeAccessedByLayers("domain", "capabilities", "edge")
                .whereLayer("infrastructure").mayOnlyBeAccessedByLayers("claims", "domain", "capabilities", "edge")
                .whereLayer("vocabulary").mayOnlyBeAccessedByLayers("infrastructure", "claims", "domain", "capabilities", "edge")
                .check(classes);
    }

    /**
     * Issue 25 point 4: on Payara a periodic task of the managed scheduled executor ends in the error storm
     * (persistence/RepeatingTask explains why); every background job is a RepeatingTask, the only class that schedules.
     */
    @Test
    void noPeriodicTaskOutsideRepeatingTask() {
        noClasses().that().doNotHaveSimpleName("RepeatingTask")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching("schedule(WithFixedDelay|AtFixedRate)")))
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.tessera.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Inline names such as {@code java.util.Map} or {@code dev.tessera.client.Client} in code, outside comments and strings. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|dev|fish|io|net|liquibase)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

    @Test
    void noInlineQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            String[] lines = codeOnly(Files.readString(file)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("import ") || lines[i].startsWith("package ")) {
                    continue;
                }
                Matcher m = QUALIFIED.matcher(lines[i]);
                if (m.find()) {
                    found.add(MAIN.relativize(file) + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertThat(found).as("inline qualified class names (import them instead)").isEmpty();
    }

    @Test
    void noMainFileOverThreeHundredLines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path file : mainSources()) {
            long count = Files.readAllLines(file).size();
            if (count > 300) {
                long_.add(MAIN.relativize(file) + " " + count);
            }
        }
        assertThat(long_).isEmpty();
    }

    /** The source with comments, string, text-block and character literals blanked, line breaks kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                out.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void codeOnlyBlanksCommentsAndStrings() {
        String code = codeOnly("int a; // java.util.Map\n/* java.util.List\n */ String s = \"java.util.Set\\\"\"; char q = '\\'';\nx");
        assertThat(code).doesNotContain("java.util").contains("int a;").endsWith("\nx").hasLineCount(4);
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String floorOf(String pkg) {
        for (String[] floor : List.of(EDGE, CAPABILITIES, DOMAIN, CLAIMS, INFRASTRUCTURE, VOCABULARY)) {
            for (String p : floor) {
                String base = p.substring(0, p.length() - 2);
                if (pkg.equals(base) || pkg.startsWith(base + ".")) {
                    return p;
                }
            }
        }
        return null;
    }
}
