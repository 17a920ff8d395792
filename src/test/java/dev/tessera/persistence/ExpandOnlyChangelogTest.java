package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Issue 22 point 5, upgrades (docs/databases.md#upgrades): during a rolling upgrade the previous release still runs
 * on the schema the new one migrated, so a changeset may only expand it: new tables, indexes, rows, and new columns
 * that old code can ignore (nullable or with a default, so its inserts still succeed). Anything else (dropping,
 * renaming, narrowing, a new NOT NULL without a default) is a contract step: allowed only in a changeset whose comment
 * says {@code CONTRACT of <changeSet id>}, naming an expand changeset of an earlier file, so it ships at least one
 * release after the code stopped needing the old shape.
 */
class ExpandOnlyChangelogTest {
    private static final Path CHANGES = Path.of(System.getProperty("project.basedir", "."), "liquibase", "changes");
    private static final Set<String> EXPANDING = Set.of("createTable", "createIndex", "addPrimaryKey", "addUniqueConstraint",
            "addForeignKeyConstraint", "insert", "comment", "preConditions", "rollback", "modifySql");
    /** MariaDB only: exact comparison for ids (a collation change); every statement old code sends stays valid. */
    private static final Pattern COLLATION = Pattern.compile(
            "(?i)ALTER TABLE \\w+ MODIFY \\w+ VARCHAR\\(\\d+\\) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin( NOT NULL)?");
    private static final Pattern CONTRACT = Pattern.compile("CONTRACT of ([\\w.-]+)");

    @Test
    void everyChangesetOnlyExpandsTheSchemaOrIsAContractOfAnEarlierExpansion() throws Exception {
        List<String> violations = new ArrayList<>();
        Set<String> earlierIds = new HashSet<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(CHANGES)) {
            files = listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            List<String> idsOfThisFile = new ArrayList<>();
            NodeList changeSets = parse(file).getElementsByTagNameNS("*", "changeSet");
            for (int i = 0; i < changeSets.getLength(); i++) {
                Element changeSet = (Element) changeSets.item(i);
                String id = changeSet.getAttribute("id");
                idsOfThisFile.add(id);
                Matcher contract = CONTRACT.matcher(text(changeSet, "comment"));
                if (contract.find()) {
                    if (!earlierIds.contains(contract.group(1))) {
                        violations.add(file.getFileName() + " " + id + ": contracts " + contract.group(1)
                                + ", which is not a changeset of an earlier file");
                    }
                    continue;
                }
                violations.addAll(contractions(file.getFileName() + " " + id, changeSet));
            }
            earlierIds.addAll(idsOfThisFile);
        }
        assertThat(violations).as("changes an old node could not run on (docs/databases.md#upgrades)").isEmpty();
    }

    @Test
    void theRuleCatchesADroppedColumnAndANewNotNullColumnWithoutDefault() throws Exception {
        Path sample = Files.createTempFile("changes", ".xml");
        Files.writeString(sample, """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="x-1" author="t"><dropColumn tableName="client" columnName="scope"/></changeSet>
                  <changeSet id="x-2" author="t"><addColumn tableName="client">
                    <column name="a" type="int"><constraints nullable="false"/></column></addColumn></changeSet>
                  <changeSet id="x-3" author="t"><addColumn tableName="client">
                    <column name="b" type="int" defaultValueNumeric="0"><constraints nullable="false"/></column>
                    <column name="c" type="int"/></addColumn></changeSet>
                  <changeSet id="x-4" author="t"><sql>UPDATE client SET scope = ''</sql></changeSet>
                </databaseChangeLog>
                """);
        NodeList changeSets = parse(sample).getElementsByTagNameNS("*", "changeSet");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < changeSets.getLength(); i++) {
            found.addAll(contractions("x", (Element) changeSets.item(i)));
        }
        Files.delete(sample);

        assertThat(found).hasSize(3).anySatisfy(v -> assertThat(v).contains("dropColumn"))
                .anySatisfy(v -> assertThat(v).contains("column a")).anySatisfy(v -> assertThat(v).contains("UPDATE client"));
    }

    private static List<String> contractions(String where, Element changeSet) {
        List<String> found = new ArrayList<>();
        for (Node child = changeSet.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element change)) {
                continue;
            }
            String kind = change.getLocalName();
            if (kind.equals("addColumn")) {
                NodeList columns = change.getElementsByTagNameNS("*", "column");
                for (int c = 0; c < columns.getLength(); c++) {
                    Element column = (Element) columns.item(c);
                    if (notNull(column) && !hasDefault(column)) {
                        found.add(where + ": column " + column.getAttribute("name") + " is NOT NULL without a default");
                    }
                }
            } else if (kind.equals("sql")) {
                if (!COLLATION.matcher(change.getTextContent().strip()).matches()) {
                    found.add(where + ": sql " + change.getTextContent().strip());
                }
            } else if (!EXPANDING.contains(kind)) {
                found.add(where + ": " + kind);
            }
        }
        return found;
    }

    private static boolean notNull(Element column) {
        NodeList constraints = column.getElementsByTagNameNS("*", "constraints");
        return constraints.getLength() > 0 && "false".equals(((Element) constraints.item(0)).getAttribute("nullable"));
    }

    private static boolean hasDefault(Element column) {
        for (int a = 0; a < column.getAttributes().getLength(); a++) {
            if (column.getAttributes().item(a).getNodeName().startsWith("defaultValue")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Element changeSet, String child) {
        NodeList nodes = changeSet.getElementsByTagNameNS("*", child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
