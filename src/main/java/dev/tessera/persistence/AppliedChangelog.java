package dev.tessera.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether a database already holds every changeset of Tessera's changelog, read with one query on Liquibase's own
 * history table. A start on a current schema then skips Liquibase altogether (issue 23: start-up with no work that can
 * wait; Liquibase needs seconds and tens of megabytes of classes to find nothing to do), and Liquibase runs as before
 * whenever one changeset is missing. What the skip gives up: Liquibase's check, on every start, that released
 * changesets were not edited afterwards; LiquibaseChangelogIT still runs it on every database in every build.
 */
final class AppliedChangelog {
    private static final String NS = "http://www.liquibase.org/xml/ns/dbchangelog";

    /** A changeset as the history table names it: id, author and file name (without its folder). */
    record Entry(String id, String author, String file, List<String> dbms) {
        String key() {
            return id + "|" + author + "|" + file;
        }

        boolean appliesTo(String database) {
            return dbms.isEmpty() || dbms.contains(database);
        }
    }

    private AppliedChangelog() {
    }

    /** True when every changeset of the changelog that applies to this database is in its history table. */
    static boolean current(Connection connection, List<Entry> changelog) {
        try {
            String database = shortName(connection.getMetaData().getDatabaseProductName());
            Set<String> applied = new HashSet<>();
            // Unquoted: H2 folds it to upper case and PostgreSQL to lower, as Liquibase created it on each; MariaDB
            // matches the upper-case name Liquibase gives it there.
            try (Statement s = connection.createStatement();
                    ResultSet rows = s.executeQuery("SELECT ID, AUTHOR, FILENAME FROM DATABASECHANGELOG")) {
                while (rows.next()) {
                    applied.add(rows.getString(1) + "|" + rows.getString(2) + "|" + fileName(rows.getString(3)));
                }
            }
            return changelog.stream().filter(e -> e.appliesTo(database)).allMatch(e -> applied.contains(e.key()));
        } catch (SQLException noHistoryYet) {
            // A new database has no history table: Liquibase runs and makes it. The failed query may have
            // aborted a PostgreSQL transaction, so leave the connection as Liquibase expects it.
            rollbackQuietly(connection);
            return false;
        }
    }

    /** Liquibase's dbms name for a JDBC product name. */
    static String shortName(String product) {
        String p = product.toLowerCase(Locale.ROOT);
        return p.contains("postgres") ? "postgresql" : p.contains("mariadb") ? "mariadb" : p.contains("mysql") ? "mysql" : p;
    }

    /** The changesets of the master changelog's included files, from the WAR's classes. */
    static List<Entry> read(ClassLoader loader, String master) throws IOException, XMLStreamException {
        String folder = master.substring(0, master.lastIndexOf('/') + 1);
        List<Entry> entries = new ArrayList<>();
        for (String include : attributes(loader, master, "include", "file")) {
            String path = folder + include;
            try (InputStream in = open(loader, path)) {
                XMLStreamReader xml = factory().createXMLStreamReader(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("changeSet")) {
                        String dbms = xml.getAttributeValue(null, "dbms");
                        entries.add(new Entry(xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "author"), fileName(path),
                                dbms == null ? List.of() : List.of(dbms.replace(" ", "").split(","))));
                    }
                }
            }
        }
        return List.copyOf(entries);
    }

    private static List<String> attributes(ClassLoader loader, String path, String element, String attribute)
            throws IOException, XMLStreamException {
        List<String> values = new ArrayList<>();
        try (InputStream in = open(loader, path)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals(element) && NS.equals(xml.getNamespaceURI())) {
                    values.add(xml.getAttributeValue(null, attribute));
                }
            }
        }
        return values;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Our own files, but still: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static InputStream open(ClassLoader loader, String path) throws IOException {
        InputStream in = loader.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("changelog file missing from the classes: " + path);
        }
        return in;
    }

    private static String fileName(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // Liquibase reports what is wrong with the connection.
        }
    }
}
