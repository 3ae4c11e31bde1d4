package dev.rowguard.policy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Binder;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import dev.rowguard.policy.internal.syntax.Parser;
import dev.rowguard.postgres.internal.RlsMigration;
import dev.rowguard.postgres.internal.RowSources;
import dev.rowguard.postgres.internal.SessionClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.rowguard.policy.internal.DifferentialSchema.HIDE_ROW_RULES;
import static dev.rowguard.policy.internal.DifferentialSchema.MODEL;
import static dev.rowguard.policy.internal.DifferentialSchema.FIXED_CONDITIONS;
import static dev.rowguard.policy.internal.DifferentialSchema.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Three ways to decide the same random policies over the same rows must agree: the
 * in-memory evaluator, the SQL the Hibernate filters get (folded for one principal, with
 * parameters), and the generated row-level security policy, installed on the items table
 * next to the generated policies of the other tables and queried by a role without
 * {@code BYPASSRLS}, with the caller set by the real {@link SessionClaims} statement.
 * Principals are random, anonymous and the system context included. Once with related
 * rows read through functions, once through views. Replay a failure with
 * {@code -Drowguard.differential.seed=<seed>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsDifferentialTest {

    static final int EXPRESSIONS = 160;
    static final int PRINCIPALS = 7;
    static final String READER = "rowguard_rls_reader";

    DifferentialSchema schema;

    Connection connection;

    void installTheGeneratedMigrationAndAReaderRole(RowSources rowSources) throws SQLException {
        if (connection != null) {
            connection.close();
        }
        schema = DifferentialSchema.create("rls_differential_" + rowSources.name().toLowerCase());
        connection = schema.connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute(RlsMigration.write(RULES, Map.of(), List.of("differential test"), rowSources).sql());
            statement.execute("DO $$ BEGIN CREATE ROLE " + READER
                    + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            statement.execute("GRANT SELECT ON d_owner, d_item, d_tag TO " + READER);
        }
        connection.setAutoCommit(false);
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
    }

    @ParameterizedTest(name = "related rows through {0}")
    @EnumSource(RowSources.class)
    void theEvaluatorTheFilterSqlAndTheGeneratedRowLevelSecurityAgreeOnRandomPoliciesRowsAndCallers(
            RowSources rowSources) throws SQLException {
        installTheGeneratedMigrationAndAReaderRole(rowSources);
        long seed = Long.getLong("rowguard.differential.seed", System.nanoTime());
        Random random = new Random(seed);
        PolicyGenerator generator = new PolicyGenerator(random);
        Map<PolicySet, SqlCompiler> compilers = Map.of(RULES, new SqlCompiler(MODEL, RULES), HIDE_ROW_RULES,
                new SqlCompiler(MODEL, HIDE_ROW_RULES));
        Set<Long> allItems = new TreeSet<>();
        schema.items().keySet().forEach(id -> allItems.add((Long) id));
        int cases = 0;
        int acceptedSome = 0;
        int rejectedSome = 0;
        for (int e = 0; e < EXPRESSIONS; e++) {
            String expression = e < 2 * FIXED_CONDITIONS.size() ? FIXED_CONDITIONS.get(e / 2) : generator.condition();
            Bound bound = Binder.bindCondition(MODEL, MODEL.entity("Item"), Operation.READ, Parser.parse(expression));
            PolicySet rules = e % 2 == 1 ? HIDE_ROW_RULES : RULES;
            String policy = RlsMigration.readPolicy(rules, "d_item", bound, rowSources);
            install(policy, seed, expression);
            for (int p = 0; p < PRINCIPALS; p++) {
                Caller caller = p == PRINCIPALS - 1 ? Caller.SYSTEM : Caller.of(generator.principal());
                Set<Long> fromMemory = new TreeSet<>(allItems);
                Set<Long> fromFilter = new TreeSet<>(allItems);
                if (!caller.system()) {
                    fromMemory.clear();
                    for (MapRow row : schema.items().values()) {
                        if (Evaluator.test(bound, row, caller.principal(), null, rules)) {
                            fromMemory.add((Long) row.column("id"));
                        }
                    }
                    fromFilter = filtered(compilers.get(rules).compile(bound, caller.principal(), null, "t", null));
                }
                Set<Long> fromPolicy = readAs(caller, seed, expression, policy);
                cases += allItems.size();
                acceptedSome += fromPolicy.isEmpty() ? 0 : 1;
                rejectedSome += fromPolicy.size() == allItems.size() ? 0 : 1;
                if (!fromMemory.equals(fromFilter) || !fromMemory.equals(fromPolicy)) {
                    fail("The three disagree. Replay with -Drowguard.differential.seed=" + seed + "\n  expression: "
                            + expression + (rules == HIDE_ROW_RULES ? " (rules with hidden-reference denies)" : "")
                            + "\n  caller:     "
                            + (caller.system() ? "system" : DifferentialSchema.describe(caller.principal()))
                            + "\n  policy:     " + policy + "\n  evaluator:  " + schema.itemsOf(fromMemory)
                            + "\n  filter SQL: " + fromFilter + "\n  policy:     " + fromPolicy);
                }
            }
        }
        System.out.printf("rls differential through %s: seed %d, %d cases, %d reads saw some rows, %d missed some%n",
                rowSources, seed, cases, acceptedSome, rejectedSome);
        assertThat(cases).isGreaterThanOrEqualTo(10_000);
        assertThat(acceptedSome).as("reads that saw rows").isGreaterThan(EXPRESSIONS * PRINCIPALS / 4);
        assertThat(rejectedSome).as("reads that missed rows").isGreaterThan(EXPRESSIONS * PRINCIPALS / 4);
    }

    private void install(String policy, long seed, String expression) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP POLICY " + RlsMigration.READ + " ON d_item");
            statement.execute(policy);
            connection.commit();
        }
        catch (SQLException ex) {
            connection.rollback();
            throw new AssertionError(
                    "seed " + seed + ": the generated policy for " + expression + " does not install:\n  " + policy,
                    ex);
        }
    }

    /** The rows a caller reads as a role that row-level security applies to. */
    private Set<Long> readAs(Caller caller, long seed, String expression, String policy) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SessionClaims.apply(connection, caller);
            statement.execute("SET LOCAL ROLE " + READER);
            return ids(statement.executeQuery("SELECT id FROM d_item"));
        }
        catch (SQLException ex) {
            throw new AssertionError("seed " + seed + ": reading through the policy failed for " + expression + " as "
                    + (caller.system() ? "system" : DifferentialSchema.describe(caller.principal())) + "\n  " + policy,
                    ex);
        }
        finally {
            connection.rollback();
        }
    }

    private Set<Long> filtered(SqlCondition sql) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT t.id FROM d_item t WHERE " + sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            return ids(statement.executeQuery());
        }
        finally {
            connection.rollback();
        }
    }

    private static Set<Long> ids(ResultSet result) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (result) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }

}
