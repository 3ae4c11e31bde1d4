package dev.rowguard.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What lets a connection's role past the generated policies, found on real PostgreSQL.
 */
class RlsBypassTest {

    static final String OWNER = "rowguard_bypass_owner";
    static final String MEMBER = "rowguard_bypass_member";
    static final String APP = "rowguard_bypass_app";

    static Connection connection;

    @BeforeAll
    static void tablesOwnedByAnOrdinaryRole() throws SQLException {
        connection = TestPostgres.server().createDatabase("rls_bypass").connect();
        try (Statement statement = connection.createStatement()) {
            for (String role : new String[] { OWNER, MEMBER, APP }) {
                statement.execute("DO $$ BEGIN CREATE ROLE " + role
                        + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            }
            statement.execute("GRANT " + OWNER + " TO " + MEMBER);
            statement.execute("CREATE TABLE plain (id bigint PRIMARY KEY)");
            statement.execute("CREATE TABLE guarded (id bigint PRIMARY KEY)");
            statement.execute("CREATE TABLE forced (id bigint PRIMARY KEY)");
            for (String table : new String[] { "plain", "guarded", "forced" }) {
                statement.execute("ALTER TABLE " + table + " OWNER TO " + OWNER);
            }
        }
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void aDatabaseWithoutRowLevelSecurityHasNothingToBypass() throws SQLException {
        assertThat(RlsBypass.of(connection)).isEmpty();
        connection.rollback();
    }

    @Test
    void theOwnerOfAnUnforcedTableAndTheMembersOfItsRoleAreNamedAndOtherRolesAreNot() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            protect(statement);
            statement.execute("SET LOCAL ROLE " + OWNER);
            assertThat(RlsBypass.of(connection)).singleElement()
                .asString()
                .contains("the role " + OWNER + " owns")
                .contains(": guarded; connect as another role");
            statement.execute("SET LOCAL ROLE " + MEMBER);
            assertThat(RlsBypass.of(connection)).singleElement().asString().contains("the role " + MEMBER + " owns");
            statement.execute("SET LOCAL ROLE " + APP);
            assertThat(RlsBypass.of(connection)).isEmpty();
        }
        finally {
            connection.rollback();
        }
    }

    @Test
    void tablesThatCarryTheGeneratedPoliciesWithRowLevelSecurityOffAreNamedForEveryone() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE POLICY " + RlsMigration.READ + " ON plain FOR SELECT USING (false)");
            statement.execute("SET LOCAL ROLE " + APP);
            assertThat(RlsBypass.of(connection)).singleElement()
                .asString()
                .contains("row-level security is off on tables that carry Rowguard's policies")
                .contains(": plain (");
        }
        finally {
            connection.rollback();
        }
    }

    @Test
    void aSuperuserIsNotWarnedAboutWhenNoTableCarriesTheGeneratedPolicies() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE guarded ENABLE ROW LEVEL SECURITY");
            statement.execute("CREATE POLICY someone_elses ON guarded FOR SELECT USING (true)");
            assertThat(RlsBypass.of(connection)).isEmpty();
        }
        finally {
            connection.rollback();
        }
    }

    @Test
    void aSuperuserIsNamedAsBypassingEveryPolicy() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            protect(statement);
            assertThat(RlsBypass.of(connection)).singleElement().asString().contains("is a superuser or has BYPASSRLS");
        }
        finally {
            connection.rollback();
        }
    }

    private static void protect(Statement statement) throws SQLException {
        for (String table : new String[] { "guarded", "forced" }) {
            statement.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            statement.execute("CREATE POLICY " + RlsMigration.READ + " ON " + table + " FOR SELECT USING (true)");
        }
        statement.execute("ALTER TABLE forced FORCE ROW LEVEL SECURITY");
    }

}
