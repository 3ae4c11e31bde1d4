package dev.rowguard.postgres.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Inside a policy, PostgreSQL reads another table through that table's own policies,
 * which would change what a rule means (a rule reads related rows as they are; only
 * {@code check()} applies their rule) and would make rules that reach each other recurse
 * forever. So subqueries read each table through a row source of schema {@code rowguard}
 * that reads past the policies, in one of two ways:
 *
 * <ul>
 * <li>{@link #FUNCTIONS}: {@code rowguard."rows_
 *
<table>
 * "()} runs as the system caller: it sets {@code rowguard.caller} to {@code system} while
 * it reads and puts the caller back after, and every generated policy lets the system
 * caller through. ({@code set_config} rather than the function's own {@code SET} clause:
 * since PostgreSQL 15 that clause needs a superuser for a custom setting, and the
 * migration must run as the application's ordinary owner role, on hosted PostgreSQL too.)
 * Works whoever connects, the tables' owner included (the tables are forced), but
 * PostgreSQL cannot look into the function: each reference reads the whole table.</li>
 * <li>{@link #VIEWS}: {@code rowguard."rows_
 *
<table>
 * "} is a view owned by whoever runs the migration (the tables' owner), and a view reads
 * its tables with its owner's rights, to whom row-level security does not apply unless
 * forced; so the tables are not forced, and the application must connect as another role
 * (as Supabase's {@code anon} and {@code authenticated} do). PostgreSQL inlines the view
 * and uses the tables' indexes. A view refuses a role that may not read its table itself
 * ({@link #prelude}), and has only the columns the entities map (so a versioned migration
 * can still drop any other column).</li>
 * </ul>
 *
 * Neither grants anything a session could not take itself with
 * {@code SET rowguard.caller = 'system'}: the caller settings are a convention between
 * the application and its policies, not a privilege.
 */
public enum RowSources {

    FUNCTIONS, VIEWS;

    /** What a policy's subquery reads instead of {@code table}. */
    String of(String table) {
        return this == FUNCTIONS ? name(table) + "()" : name(table);
    }

    /**
     * The statements that (re)create the row source of {@code table}, which has at least
     * {@code columns}.
     */
    String definition(String table, Collection<String> columns) {
        // Each way drops the other's row source first, so that switching leaves none
        // behind (CASCADE
        // drops the policies that read it; this migration creates them again).
        if (this == FUNCTIONS) {
            return "DROP VIEW IF EXISTS " + name(table) + " CASCADE;\n" + "CREATE OR REPLACE FUNCTION " + name(table)
                    + "() RETURNS SETOF " + table + " LANGUAGE plpgsql STABLE AS $$\n"
                    + "DECLARE caller text := current_setting('rowguard.caller', true);\n" + "BEGIN\n"
                    + "    PERFORM set_config('rowguard.caller', 'system', true);\n" + "    RETURN QUERY SELECT * FROM "
                    + table + ";\n" + "    PERFORM set_config('rowguard.caller', coalesce(caller, ''), true);\n"
                    + "END $$;";
        }
        // Dropped and created rather than replaced: CREATE OR REPLACE VIEW cannot drop or
        // reorder
        // columns. CASCADE drops the policies that read the view; this migration creates
        // them again.
        return "DROP FUNCTION IF EXISTS " + name(table) + "() CASCADE;\n" + "DROP VIEW IF EXISTS " + name(table)
                + " CASCADE;\n" + "CREATE VIEW " + name(table) + " AS SELECT " + String.join(", ", columns) + " FROM "
                + table + " WHERE rowguard.may_read('" + table.replace("'", "''") + "'::regclass);\n"
                + "GRANT SELECT ON " + name(table) + " TO PUBLIC;";
    }

    /**
     * What the row sources need before them. A view reads its table with its owner's
     * rights, so it checks the reader's own: a reader that may not read the table gets
     * PostgreSQL's {@code 42501}, as reading the table would give it. (Giving such a
     * reader no rows instead would turn every {@code NOT EXISTS} over the view true: a
     * deny would let rows through.) The check reads no column, so PostgreSQL runs it once
     * per scan of the view, not per row.
     */
    String prelude() {
        if (this == FUNCTIONS) {
            return "";
        }
        return "CREATE OR REPLACE FUNCTION rowguard.may_read(t regclass) RETURNS boolean LANGUAGE plpgsql STABLE AS $$\n"
                + "BEGIN\n" + "    IF has_table_privilege(t, 'SELECT') THEN\n" + "        RETURN true;\n"
                + "    END IF;\n"
                + "    RAISE EXCEPTION 'permission denied for table %', t USING ERRCODE = 'insufficient_privilege';\n"
                + "END $$;\n";
    }

    /** Whether row-level security applies to the tables' owner as well. */
    String ownerClause(String table) {
        return "ALTER TABLE " + table + (this == FUNCTIONS ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY;";
    }

    private static String name(String table) {
        return "rowguard.\"" + identifier("rows_" + table.replace("\"", "")) + "\"";
    }

    /** PostgreSQL's longest identifier, in bytes: it cuts longer ones, silently. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    /**
     * The identifier as it is when it fits; else its start and a hash of the whole, so
     * that two long table names that begin alike do not end up with one row source
     * (PostgreSQL would cut both to the same 63 bytes).
     */
    static String identifier(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        String suffix = "_" + HexFormat.of().formatHex(sha256(name), 0, 4);
        StringBuilder kept = new StringBuilder();
        int bytes = suffix.length();
        for (int i = 0; i < name.length();) {
            int codePoint = name.codePointAt(i);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > MAX_IDENTIFIER_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += length;
            i += Character.charCount(codePoint);
        }
        return kept + suffix;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }

    /**
     * The name a policy uses for the row it checks: the table's own name, without its
     * schema.
     */
    static String alias(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

}
