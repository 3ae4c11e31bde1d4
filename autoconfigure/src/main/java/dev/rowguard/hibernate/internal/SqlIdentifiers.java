package dev.rowguard.hibernate.internal;

import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;

/**
 * Table and column names as PostgreSQL reads them. Hibernate's boot model writes a quoted
 * name ({@code @Table(name = "\"Order Lines\"")}) between backticks, which it translates
 * only in SQL it renders itself; SQL Rowguard writes needs the double quotes.
 */
final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    static String of(Column column) {
        return column.isQuoted() ? doubleQuoted(column.getName()) : column.getName();
    }

    static String of(Table table) {
        String name = table.isQuoted() ? doubleQuoted(table.getName()) : table.getName();
        if (table.getSchema() == null) {
            return name;
        }
        String schema = table.isSchemaQuoted() ? doubleQuoted(table.getSchema()) : table.getSchema();
        return schema + "." + name;
    }

    private static String doubleQuoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

}
