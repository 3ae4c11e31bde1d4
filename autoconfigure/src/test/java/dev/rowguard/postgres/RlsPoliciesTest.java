package dev.rowguard.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.postgres.internal.SessionClaims;
import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated migration on real PostgreSQL, written to by a role row-level security
 * applies to (no {@code BYPASSRLS}, not the owner), with the caller set by
 * {@link SessionClaims}: what the rules refuse fails in the database, what they allow
 * succeeds. Related rows read through functions here; {@link RlsPoliciesThroughViewsTest}
 * runs the same with views.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsPoliciesTest {

    static final String WRITER = "rowguard_rls_writer";
    static final Caller ALICE = Caller.of(AuthPrincipal.of("alice"));
    static final Caller BOB = Caller.of(AuthPrincipal.of("bob"));
    static final Caller AUDITOR = Caller.of(AuthPrincipal.builder("carol").role("auditor").build());
    static final Caller ANONYMOUS = Caller.ANONYMOUS;

    Connection connection;

    RlsMigrationGenerator.RelatedRows relatedRows() {
        return RlsMigrationGenerator.RelatedRows.FUNCTIONS;
    }

    /** Run before the tables are created, as the test server's superuser. */
    void beforeCreatingTheTables(Statement statement) throws SQLException {
    }

    @BeforeAll
    void installTheGeneratedMigration() throws SQLException {
        connection = TestPostgres.server()
            .createDatabase("rls_policies_" + relatedRows().name().toLowerCase())
            .connect();
        try (Statement statement = connection.createStatement()) {
            beforeCreatingTheTables(statement);
            statement.execute(
                    """
                            CREATE TABLE rls_project (id bigint PRIMARY KEY, owner_id text, name text, archived boolean NOT NULL);
                            CREATE TABLE rls_task (id bigint PRIMARY KEY, project_id bigint NOT NULL REFERENCES rls_project, title text);
                            CREATE TABLE rls_label (id bigint PRIMARY KEY, name text);
                            CREATE TABLE rls_task_label (task_id bigint NOT NULL REFERENCES rls_task, label_id bigint NOT NULL REFERENCES rls_label,
                                PRIMARY KEY (task_id, label_id));
                            CREATE TABLE rls_audit (id bigint PRIMARY KEY, note text);
                            CREATE TABLE rls_message (id bigint PRIMARY KEY, recipient_id text, body text);
                            INSERT INTO rls_project VALUES (1, 'alice', 'one', false), (2, 'bob', 'two', false), (3, 'alice', 'old', true);
                            INSERT INTO rls_task VALUES (10, 1, 'alice''s'), (20, 2, 'bob''s');
                            INSERT INTO rls_label VALUES (100, 'urgent');
                            INSERT INTO rls_audit VALUES (1000, 'kept');
                            """);
            statement.execute(
                    RlsMigrationGenerator.generate(RlsMigrationGeneratorTest.OPTIONS.withRelatedRows(relatedRows()))
                        .sql());
            statement.execute("RESET ROLE");
            statement.execute("DO $$ BEGIN CREATE ROLE " + WRITER
                    + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            statement.execute(
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON rls_project, rls_task, rls_label, rls_task_label, rls_audit, rls_message TO "
                            + WRITER);
        }
        connection.setAutoCommit(false);
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aRoleWithoutBypassReadsOnlyWhatTheReadRulesAllow() throws SQLException {
        assertThat(ids(ALICE, "SELECT id FROM rls_project")).containsExactly(1L, 3L);
        assertThat(ids(AUDITOR, "SELECT id FROM rls_project")).containsExactly(1L, 2L, 3L);
        assertThat(ids(ANONYMOUS, "SELECT id FROM rls_project")).isEmpty();
        assertThat(ids(ALICE, "SELECT id FROM rls_task")).containsExactly(10L);
        assertThat(ids(AUDITOR, "SELECT id FROM rls_task")).containsExactly(10L, 20L);
        assertThat(ids(ALICE, "SELECT id FROM rls_audit")).isEmpty();
        assertThat(ids(Caller.SYSTEM, "SELECT id FROM rls_audit")).containsExactly(1000L);
    }

    @Test
    void aStatementOutsideRowguardsTransactionsHasNoCallerAndSeesNothing() throws SQLException {
        assertThat(ids(null, "SELECT id FROM rls_project")).isEmpty();
    }

    @Test
    void anInsertTheCreateRuleRefusesFailsInTheDatabase() {
        assertRefused(ALICE, "INSERT INTO rls_project VALUES (4, 'bob', 'not mine', false)");
        assertRefused(ANONYMOUS, "INSERT INTO rls_project VALUES (4, 'alice', 'nobody''s', false)");
        assertRefused(ALICE, "INSERT INTO rls_task VALUES (21, 2, 'in bob''s project')");
        assertRefused(ALICE, "INSERT INTO rls_audit VALUES (1001, 'closed')");
    }

    @Test
    void anInsertTheCreateRuleAllowsSucceeds() throws SQLException {
        assertThat(count(ALICE, "INSERT INTO rls_project VALUES (4, 'alice', 'mine', false)")).isEqualTo(1);
        assertThat(count(ALICE, "INSERT INTO rls_task VALUES (11, 1, 'in my project')")).isEqualTo(1);
        assertThat(count(Caller.SYSTEM, "INSERT INTO rls_audit VALUES (1001, 'by the system')")).isEqualTo(1);
    }

    @Test
    void anUpdateOrDeleteOfRowsTheRulesRefuseChangesNothing() throws SQLException {
        assertThat(count(ALICE, "UPDATE rls_project SET name = 'taken' WHERE id = 2")).isZero();
        assertThat(count(ALICE, "DELETE FROM rls_project WHERE id = 3")).as("archived: the delete deny").isZero();
        assertThat(count(ALICE, "DELETE FROM rls_task WHERE id = 20")).isZero();
        assertThat(count(AUDITOR, "UPDATE rls_project SET name = 'audited'")).as("auditors only read").isZero();
    }

    @Test
    void anUpdateOrDeleteTheRulesAllowSucceeds() throws SQLException {
        assertThat(count(ALICE, "UPDATE rls_project SET name = 'renamed' WHERE id IN (1, 2)")).isEqualTo(1);
        assertThat(count(ALICE, "DELETE FROM rls_task WHERE id IN (10, 20)")).isEqualTo(1);
        assertThat(count(Caller.SYSTEM, "DELETE FROM rls_project WHERE id = 3")).isEqualTo(1);
    }

    @Test
    void anUpdateThatMovesARowOutOfTheCallersSightFailsBecausePostgresAlsoChecksTheReadRuleOnTheNewRow() {
        assertRefused(ALICE, "UPDATE rls_project SET owner_id = 'bob' WHERE id = 1");
    }

    @Test
    void aLinkNeedsBothEndsReadableAndOneOfThemChangeable() throws SQLException {
        assertThat(count(ALICE, "INSERT INTO rls_task_label VALUES (10, 100)")).isEqualTo(1);
        assertRefused(BOB, "INSERT INTO rls_task_label VALUES (10, 100)");
        assertRefused(AUDITOR, "INSERT INTO rls_task_label VALUES (20, 100)");
    }

    @Test
    void anInsertThatReturnsARowItsCreatorCannotReadFailsBecausePostgresChecksTheReadRuleOnReturnedRows()
            throws SQLException {
        assertThat(count(ALICE, "INSERT INTO rls_message VALUES (1, 'bob', 'hi')")).isEqualTo(1);
        assertRefused(ALICE, "INSERT INTO rls_message VALUES (1, 'bob', 'hi') RETURNING id");
    }

    void assertRefused(Caller caller, String sql) {
        assertThatThrownBy(() -> count(caller, sql)).isInstanceOf(SQLException.class)
            .satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).as(ex.getMessage()).isEqualTo("42501"));
    }

    /**
     * Runs a statement as the caller and the writer role, in a transaction that is rolled
     * back.
     */
    int count(Caller caller, String sql) throws SQLException {
        try (Statement statement = as(caller)) {
            return statement.executeUpdate(sql);
        }
        finally {
            connection.rollback();
        }
    }

    List<Long> ids(Caller caller, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = as(caller); ResultSet result = statement.executeQuery(sql + " ORDER BY id")) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        finally {
            connection.rollback();
        }
        return ids;
    }

    private Statement as(Caller caller) throws SQLException {
        return as(caller, WRITER);
    }

    /** A statement as the caller and the role, in the current transaction. */
    Statement as(Caller caller, String role) throws SQLException {
        if (caller != null) {
            SessionClaims.apply(connection, caller);
        }
        Statement statement = connection.createStatement();
        statement.execute("SET LOCAL ROLE " + role);
        return statement;
    }

}
