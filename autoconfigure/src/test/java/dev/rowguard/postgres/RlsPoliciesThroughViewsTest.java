package dev.rowguard.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.rowguard.context.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same policies with related rows read through views ({@code --related-rows views}),
 * the tables and views owned by an ordinary role (no superuser, no {@code BYPASSRLS})
 * that ran the migration, and written to by another role: every rule holds as with
 * functions.
 */
class RlsPoliciesThroughViewsTest extends RlsPoliciesTest {

    static final String OWNER = "rowguard_rls_owner";
    static final String STRANGER = "rowguard_rls_stranger";

    @Override
    RlsMigrationGenerator.RelatedRows relatedRows() {
        return RlsMigrationGenerator.RelatedRows.VIEWS;
    }

    @Override
    void beforeCreatingTheTables(Statement statement) throws SQLException {
        for (String role : new String[] { OWNER, STRANGER }) {
            statement.execute(
                    "DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        statement.execute("GRANT CREATE ON DATABASE " + connection.getCatalog() + " TO " + OWNER);
        statement.execute("GRANT CREATE ON SCHEMA public TO " + OWNER);
        statement.execute("SET ROLE " + OWNER);
    }

    @Test
    void theTablesAreNotForcedSoTheOwnerThatRanTheMigrationReadsPastThePolicies() throws SQLException {
        try (Statement statement = as(Caller.ANONYMOUS, OWNER);
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM rls_project")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
        finally {
            connection.rollback();
        }
    }

    @Test
    void aViewRefusesARoleThatMayNotReadItsTableAsTheTableWould() throws SQLException {
        for (String sql : new String[] { "SELECT count(*) FROM rowguard.\"rows_rls_project\"",
                "SELECT count(*) FROM rls_project" }) {
            assertThatThrownBy(() -> {
                try (Statement statement = as(Caller.SYSTEM, STRANGER); ResultSet rows = statement.executeQuery(sql)) {
                    rows.next();
                }
            }).as(sql)
                .isInstanceOf(SQLException.class)
                .satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
            connection.rollback();
        }
        assertThat(ids(Caller.SYSTEM, "SELECT id FROM rowguard.\"rows_rls_project\""))
            .as("the writer may read rls_project")
            .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRoleThatMayReadATableButNotTheTablesItsRulesReachIsRefusedNotLetThrough() throws SQLException {
        // rls_task's rules read rls_project through its view; without SELECT on
        // rls_project the read fails
        try (Statement grant = connection.createStatement()) {
            grant.execute("GRANT SELECT ON rls_task TO " + STRANGER);
        }
        assertThatThrownBy(() -> {
            try (Statement statement = as(ALICE, STRANGER);
                    ResultSet rows = statement.executeQuery("SELECT id FROM rls_task")) {
                rows.next();
            }
        }).isInstanceOf(SQLException.class)
            .satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
        connection.rollback();
    }

    @Test
    void switchingToFunctionsAndBackLeavesNoRowSourceOfTheOtherWayBehind() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(RlsMigrationGenerator.generate(RlsMigrationGeneratorTest.OPTIONS).sql());
            assertThat(count(statement, "SELECT count(*) FROM pg_views WHERE schemaname = 'rowguard'")).isZero();
            assertThat(count(statement,
                    "SELECT count(*) FROM pg_class WHERE relname = 'rls_project' AND relforcerowsecurity"))
                .isEqualTo(1);
            try (Statement asAlice = as(ALICE, WRITER);
                    ResultSet rows = asAlice.executeQuery("SELECT count(*) FROM rls_project")) {
                rows.next();
                assertThat(rows.getInt(1)).as("alice's projects through the functions").isEqualTo(2);
            }
            statement.execute("RESET ROLE");
            statement.execute(
                    RlsMigrationGenerator.generate(RlsMigrationGeneratorTest.OPTIONS.withRelatedRows(relatedRows()))
                        .sql());
            assertThat(count(statement, "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'rowguard' AND p.proname LIKE 'rows\\_%'"))
                .isZero();
            assertThat(count(statement, "SELECT count(*) FROM pg_views WHERE schemaname = 'rowguard'")).isEqualTo(6);
        }
        finally {
            connection.rollback();
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

}
