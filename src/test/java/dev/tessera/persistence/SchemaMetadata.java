package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What JDBC metadata says of a table, in the same shape on H2, PostgreSQL and MariaDB. */
final class SchemaMetadata {
    private SchemaMetadata() {
    }

    /** A column as JDBC metadata reports it; the size only counts for character columns. */
    record Column(String name, int type, int size, boolean nullable) {
    }

    /** The table's real name in the connection's own schema (H2 folds to upper case, PostgreSQL to lower). */
    static String tableName(Connection c, String name) throws SQLException {
        List<String> found = new ArrayList<>();
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                found.add(rs.getString("TABLE_NAME"));
            }
        }
        return found.stream().filter(t -> t.equalsIgnoreCase(name)).findFirst()
                .orElseGet(() -> fail("No table " + name + " in " + catalog + "/" + schema + "; found " + found));
    }

    static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        DatabaseMetaData metaData = c.getMetaData();
        try (ResultSet rs = metaData.getColumns(c.getCatalog(), c.getSchema(), tableName(c, table), "%")) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), type,
                        type == Types.VARCHAR ? rs.getInt("COLUMN_SIZE") : 0,
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), tableName(c, table))) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(columns.values());
    }

    /** Index name to its columns in order, names in lower case. */
    static Map<String, List<String>> indexes(Connection c, String table) throws SQLException {
        Map<String, List<Map.Entry<Short, String>>> found = new HashMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), c.getSchema(), tableName(c, table), false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    found.computeIfAbsent(index.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(Map.entry(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT)));
                }
            }
        }
        Map<String, List<String>> indexes = new HashMap<>();
        found.forEach((index, columns) -> indexes.put(index, columns.stream()
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList()));
        return indexes;
    }
}
