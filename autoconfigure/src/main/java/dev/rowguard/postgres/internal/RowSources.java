package dev.rowguard.postgres.internal;

/**
 * Inside a policy, PostgreSQL reads another table through that table's own policies, which would
 * change what a rule means (a rule reads related rows as they are; only {@code check()} applies
 * their rule) and would make rules that reach each other recurse forever. So subqueries read each
 * table through {@code rowguard."rows_<table>"()}, which runs as the system caller: the function
 * sets {@code rowguard.caller} to {@code system} while it reads and puts the caller back after,
 * and every generated policy lets the system caller through. ({@code set_config} rather than the
 * function's own {@code SET} clause: since PostgreSQL 15 that clause needs a superuser for a
 * custom setting, and the migration must run as the application's ordinary owner role, on hosted
 * PostgreSQL too.) It grants nothing a session could not take itself with
 * {@code SET rowguard.caller = 'system'}: the caller settings are a convention between the
 * application and its policies, not a privilege.
 */
final class RowSources {

    private RowSources() {
    }

    /** What a policy's subquery reads instead of {@code table}. */
    static String of(String table) {
        return name(table) + "()";
    }

    static String definition(String table) {
        return "CREATE OR REPLACE FUNCTION " + name(table) + "() RETURNS SETOF " + table + " LANGUAGE plpgsql STABLE AS $$\n"
                + "DECLARE caller text := current_setting('rowguard.caller', true);\n"
                + "BEGIN\n"
                + "    PERFORM set_config('rowguard.caller', 'system', true);\n"
                + "    RETURN QUERY SELECT * FROM " + table + ";\n"
                + "    PERFORM set_config('rowguard.caller', coalesce(caller, ''), true);\n"
                + "END $$;";
    }

    private static String name(String table) {
        return "rowguard.\"rows_" + table.replace("\"", "") + "\"";
    }

    /** The name a policy uses for the row it checks: the table's own name, without its schema. */
    static String alias(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }
}
