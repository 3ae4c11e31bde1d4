package dev.rowguard.policy.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeSet;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Binder;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.sql.FilterShapes;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import dev.rowguard.policy.internal.sql.SqlValues;
import dev.rowguard.policy.internal.syntax.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.internal.DifferentialSchema.HIDE_ROW_RULES;
import static dev.rowguard.policy.internal.DifferentialSchema.MODEL;
import static dev.rowguard.policy.internal.DifferentialSchema.FIXED_CONDITIONS;
import static dev.rowguard.policy.internal.DifferentialSchema.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random well-typed policies, random rows with nulls and random principals (anonymous
 * included): the in-memory evaluator and the SQL compiler, run on real PostgreSQL, must
 * agree on every row. Replay a failure with {@code -Drowguard.differential.seed=<seed>}.
 */
class DifferentialTest {

    static final int EXPRESSIONS = 160;
    static final int PRINCIPALS = 6;

    static DifferentialSchema schema;

    @BeforeAll
    static void createSchemaAndRandomRows() throws SQLException {
        schema = DifferentialSchema.create("differential");
    }

    @AfterAll
    static void close() throws SQLException {
        schema.connection.close();
    }

    @Test
    void theEvaluatorAndTheSqlCompilerAgreeOnRandomPoliciesRowsAndPrincipals() throws SQLException {
        long seed = Long.getLong("rowguard.differential.seed", System.nanoTime());
        Random random = new Random(seed);
        PolicyGenerator generator = new PolicyGenerator(random);
        SqlCompiler plainCompiler = new SqlCompiler(MODEL, RULES);
        SqlCompiler hideRowCompiler = new SqlCompiler(MODEL, HIDE_ROW_RULES);
        int cases = 0;
        int acceptedSome = 0;
        int rejectedSome = 0;
        for (int e = 0; e < EXPRESSIONS; e++) {
            String expression = e < 2 * FIXED_CONDITIONS.size() ? FIXED_CONDITIONS.get(e / 2) : generator.condition();
            Bound bound;
            try {
                bound = Binder.bindCondition(MODEL, MODEL.entity("Item"), Operation.READ, Parser.parse(expression));
            }
            catch (RuntimeException ex) {
                throw new AssertionError("seed " + seed + ": generated an ill-typed policy: " + expression, ex);
            }
            boolean hideRow = e % 2 == 1;
            PolicySet rules = hideRow ? HIDE_ROW_RULES : RULES;
            SqlCompiler compiler = hideRow ? hideRowCompiler : plainCompiler;
            for (int p = 0; p < PRINCIPALS; p++) {
                AuthPrincipal principal = generator.principal();
                SqlCondition sql = compiler.compile(bound, principal, null, "t", null);
                Set<Long> fromSql = query(sql, seed, expression, principal);
                Set<Long> fromMemory = new TreeSet<>();
                for (MapRow row : schema.items().values()) {
                    if (Evaluator.test(bound, row, principal, null, rules)) {
                        fromMemory.add((Long) row.column("id"));
                    }
                    cases++;
                }
                acceptedSome += fromSql.isEmpty() ? 0 : 1;
                rejectedSome += fromSql.size() == schema.items().size() ? 0 : 1;
                if (!fromSql.equals(fromMemory)) {
                    Set<Long> onlySql = new TreeSet<>(fromSql);
                    onlySql.removeAll(fromMemory);
                    Set<Long> onlyMemory = new TreeSet<>(fromMemory);
                    onlyMemory.removeAll(fromSql);
                    fail("Evaluator and SQL disagree. Replay with -Drowguard.differential.seed=" + seed
                            + "\n  expression: " + expression + (hideRow ? " (rules with hidden-reference denies)" : "")
                            + "\n  principal:  " + DifferentialSchema.describe(principal) + "\n  SQL:        "
                            + sql.sql() + "\n  parameters: " + sql.parameters() + "\n  rows only SQL accepts: "
                            + schema.itemsOf(onlySql) + "\n  rows only the evaluator accepts: "
                            + schema.itemsOf(onlyMemory));
                }
            }
        }
        System.out.printf("differential: seed %d, %d cases, %d queries accepted some rows, %d rejected some%n", seed,
                cases, acceptedSome, rejectedSome);
        assertThat(cases).isGreaterThanOrEqualTo(10_000);
        assertThat(acceptedSome).as("queries that accepted rows").isGreaterThan(EXPRESSIONS * PRINCIPALS / 4);
        assertThat(rejectedSome).as("queries that rejected rows").isGreaterThan(EXPRESSIONS * PRINCIPALS / 4);
    }

    /**
     * The path Hibernate takes: read rules enumerated into filter shapes together, as at
     * start-up (simplified semi-joins shared between all of them), the caller's shape
     * selected at run time, its named parameters bound as Rowguard's resolvers bind them
     * (lists expanded). All random rules of a run go into one enumeration, next to
     * Owner's and Tag's, so that the rules they inline meet in the shared cache in every
     * combination the run makes. Each shape is run in both its forms: set-oriented
     * (pages, counts) and row-driven (loads and queries by id).
     */
    @Test
    void theFilterShapesHibernateGetsAgreeInBothFormsWithTheEvaluatorOnRandomPoliciesRowsAndPrincipals()
            throws SQLException {
        long seed = Long.getLong("rowguard.differential.seed", System.nanoTime());
        Random random = new Random(seed);
        PolicyGenerator generator = new PolicyGenerator(random);
        int cases = 0;
        for (PolicySet rules : List.of(RULES, HIDE_ROW_RULES)) {
            Map<String, String> expressions = new LinkedHashMap<>();
            Map<String, Bound> readRules = new LinkedHashMap<>();
            readRules.put("Owner", rules.rule("Owner", Operation.READ));
            readRules.put("Tag", rules.rule("Tag", Operation.READ));
            for (int e = 0; e < EXPRESSIONS / 2; e++) {
                String expression = e < FIXED_CONDITIONS.size() ? FIXED_CONDITIONS.get(e) : generator.condition();
                expressions.put("Item rule " + e, expression);
                readRules.put("Item rule " + e,
                        Binder.bindCondition(MODEL, MODEL.entity("Item"), Operation.READ, Parser.parse(expression)));
            }
            Map<String, FilterShapes> shapes = FilterShapes.enumerateAll(readRules, rules, MODEL, "p", 64);
            for (Map.Entry<String, String> entry : expressions.entrySet()) {
                Bound bound = readRules.get(entry.getKey());
                for (int p = 0; p < PRINCIPALS / 2; p++) {
                    AuthPrincipal principal = generator.principal();
                    FilterShapes.Selection selection = shapes.get(entry.getKey()).select(principal);
                    Set<Long> fromShape = query(bound(selection, selection.shape().sql()), seed, entry.getValue(),
                            principal);
                    Set<Long> fromRowDriven = query(bound(selection, selection.shape().rowSql()), seed,
                            entry.getValue(), principal);
                    Set<Long> fromMemory = new TreeSet<>();
                    for (MapRow row : schema.items().values()) {
                        if (Evaluator.test(bound, row, principal, null, rules)) {
                            fromMemory.add((Long) row.column("id"));
                        }
                        cases++;
                    }
                    if (!fromShape.equals(fromMemory) || !fromRowDriven.equals(fromMemory)) {
                        fail("Evaluator and filter shape disagree. Replay with -Drowguard.differential.seed=" + seed
                                + "\n  expression: " + entry.getValue()
                                + (rules == HIDE_ROW_RULES ? " (rules with hidden-reference denies)" : "")
                                + "\n  principal:  " + DifferentialSchema.describe(principal) + "\n  shape:      "
                                + selection.shape().sql() + "\n  row-driven: " + selection.shape().rowSql()
                                + "\n  parameters: " + selection.parameters() + "\n  filter:     " + fromShape
                                + "\n  row-driven: " + fromRowDriven + "\n  evaluator:  " + fromMemory);
                    }
                }
            }
        }
        System.out.printf("differential through filter shapes (set-oriented and row-driven alike): seed %d, %d cases%n",
                seed, cases);
        assertThat(cases).isGreaterThanOrEqualTo(10_000);
    }

    /**
     * A shape's SQL over alias {@code t} with JDBC placeholders, its parameters as
     * Rowguard's resolvers give them.
     */
    private static SqlCondition bound(FilterShapes.Selection selection, String shapeSql) {
        FilterShapes.FilterShape shape = selection.shape();
        List<Object> values = new ArrayList<>();
        // Hibernate's own pattern for a filter parameter (FilterHelper), which it applies
        // inside quotes too
        Matcher named = Pattern.compile(":((\\S+)(\\w+))").matcher(shapeSql.replace("{alias}", "t"));
        StringBuilder sql = new StringBuilder();
        while (named.find()) {
            if (!named.group(1).matches("p\\d+")) {
                throw new AssertionError("Hibernate would take :" + named.group(1) + " for a parameter in " + shapeSql);
            }
            int index = Integer.parseInt(named.group(1).substring(1));
            Object value = SqlValues.toJava(selection.parameters().get(index), shape.parameterTypes().get(index));
            List<?> items = Boolean.TRUE.equals(shape.listParameters().get(index)) ? (List<?>) value : List.of(value);
            items.forEach(item -> values.add(SqlValues.toJdbc(item, shape.parameterTypes().get(index))));
            named.appendReplacement(sql,
                    items.isEmpty() ? "NULL" : String.join(", ", java.util.Collections.nCopies(items.size(), "?")));
        }
        named.appendTail(sql);
        return new SqlCondition(sql.toString(), values);
    }

    private static Set<Long> query(SqlCondition sql, long seed, String expression, AuthPrincipal principal)
            throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement statement = schema.connection
            .prepareStatement("SELECT t.id FROM d_item t WHERE " + sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        catch (SQLException ex) {
            throw new AssertionError("seed " + seed + ": the compiled SQL failed for " + expression + " as "
                    + DifferentialSchema.describe(principal) + "\n  SQL: " + sql.sql() + "\n  parameters: "
                    + sql.parameters(), ex);
        }
        return ids;
    }

}
