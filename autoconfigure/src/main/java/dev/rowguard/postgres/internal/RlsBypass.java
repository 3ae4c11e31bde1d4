package dev.rowguard.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Rowguard's generated policies do not apply to the role a connection runs as:
 * nobody meets them on a table whose row-level security is off; a superuser or
 * {@code BYPASSRLS} role passes every policy; and a table's owner (or a member of the
 * owner's role) passes the policies of a table that is not forced, as the migration
 * generated with {@code --related-rows views} leaves them. All are easy to get wrong when
 * rolling the policies out, and nothing fails: native SQL just sees every row.
 */
public final class RlsBypass {

    private static final String ROLE = """
            SELECT current_user, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user
            """;

    private static final String ROWGUARD_POLICIES = "SELECT EXISTS (SELECT 1 FROM pg_policy WHERE polname = ANY (?))";

    private static final String DISABLED_TABLES = """
            SELECT c.oid::regclass::text FROM pg_class c
            WHERE NOT c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = ANY (?))
            ORDER BY 1
            """;

    private static final String OWNED_UNFORCED_TABLES = """
            SELECT c.oid::regclass::text FROM pg_class c
            WHERE c.relrowsecurity AND NOT c.relforcerowsecurity AND pg_has_role(current_user, c.relowner, 'USAGE')
              AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = ANY (?))
            ORDER BY 1
            """;

    private RlsBypass() {
    }

    /**
     * What lets this connection's role past the generated policies, one sentence each;
     * empty when nothing does.
     */
    public static List<String> of(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        if (!single(connection, ROWGUARD_POLICIES)) {
            return found;
        }
        List<String> disabled = tables(connection, DISABLED_TABLES);
        if (!disabled.isEmpty()) {
            found.add("row-level security is off on tables that carry Rowguard's policies, so no one's statements meet"
                    + " them: " + String.join(", ", disabled) + " (ALTER TABLE ... ENABLE ROW LEVEL SECURITY)");
        }
        String role;
        try (PreparedStatement statement = connection.prepareStatement(ROLE);
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return found;
            }
            role = row.getString(1);
            if (row.getBoolean(2)) {
                found.add("the role " + role + " is a superuser or has BYPASSRLS: no row-level security policy applies"
                        + " to its statements");
                return found;
            }
        }
        List<String> tables = tables(connection, OWNED_UNFORCED_TABLES);
        if (!tables.isEmpty()) {
            found
                .add("the role " + role + " owns, or has the rights of the owner of, tables whose row-level security is"
                        + " not forced (generated with --related-rows views), so its statements pass their policies: "
                        + String.join(", ", tables) + "; connect as another role");
        }
        return found;
    }

    private static boolean single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = withPolicyNames(connection, sql); ResultSet row = statement.executeQuery()) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static List<String> tables(Connection connection, String sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = withPolicyNames(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The statement with the names of the generated policies as its one parameter. */
    private static PreparedStatement withPolicyNames(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text",
                new Object[] { RlsMigration.READ, RlsMigration.CREATE, RlsMigration.UPDATE, RlsMigration.DELETE }));
        return statement;
    }

}
