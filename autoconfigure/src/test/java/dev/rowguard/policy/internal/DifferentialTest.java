package dev.rowguard.policy.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Binder;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import dev.rowguard.policy.internal.syntax.Parser;
import dev.rowguard.testsupport.TestDatabase;
import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random well-typed policies, random rows with nulls and random principals (anonymous
 * included): the in-memory evaluator and the SQL compiler, run on real PostgreSQL, must agree
 * on every row. Replay a failure with {@code -Drowguard.differential.seed=<seed>}.
 */
class DifferentialTest {

    static final int EXPRESSIONS = 160;
    static final int PRINCIPALS = 6;

    static final DomainModel MODEL = new ModelBuilder("level", "region")
            .entity("Owner", "d_owner").id(ValueKind.NUMBER, Long.class)
                .scalar("name", "name", ValueKind.STRING, String.class, true)
                .scalar("score", "score", ValueKind.NUMBER, Integer.class, true)
                .scalar("active", "active", ValueKind.BOOLEAN, Boolean.class, true)
                .enumeration("tier", "tier", true, "GOLD", "SILVER", "BRONZE")
                .scalar("created", "created", ValueKind.TEMPORAL, Instant.class, true)
                .toMany("items", "Item", "owner_id")
                .authEntity().done()
            .entity("Item", "d_item").id(ValueKind.NUMBER, Long.class)
                .toOne("owner", "Owner", "owner_id", true)
                .toOne("parent", "Item", "parent_id", true)
                .scalar("label", "label", ValueKind.STRING, String.class, true)
                .scalar("qty", "qty", ValueKind.NUMBER, Integer.class, true)
                .scalar("flag", "flag", ValueKind.BOOLEAN, Boolean.class, true)
                .enumeration("kind", "kind", true, "A", "B", "C")
                .scalar("price", "price", ValueKind.NUMBER, BigDecimal.class, true)
                .toMany("tags", "Tag", "item_id")
                .toMany("children", "Item", "parent_id").done()
            .entity("Tag", "d_tag").id(ValueKind.NUMBER, Long.class)
                .toOne("item", "Item", "item_id", false)
                .scalar("name", "name", ValueKind.STRING, String.class, true)
                .scalar("weight", "weight", ValueKind.NUMBER, Integer.class, true).done()
            .build();

    static final PolicySet RULES = PolicySet.build(MODEL, Map.of(
            "Owner", List.of(RuleDeclaration.allow("Owner", "active == true || score > auth().level", Operation.ALL),
                    RuleDeclaration.allow("Owner", "auth() == this", Operation.ALL),
                    RuleDeclaration.allow("Owner", "has(auth().roles, 'admin')", Operation.READ)),
            "Item", List.of(RuleDeclaration.allow("Item", "qty > 0 || owner.tier == 'GOLD'", Operation.ALL),
                    RuleDeclaration.deny("Item", "label == auth().region", Operation.READ)),
            "Tag", List.of(RuleDeclaration.allow("Tag", "check(item)", Operation.READ))), false);

    /** The same rules with the default's hidden-reference denies: checks the compiler may prune where implied. */
    static final PolicySet HIDE_ROW_RULES = RULES.with(HiddenReferences.of(RULES));

    /**
     * Run first, each with both rule sets: conditions where the compiler drops what is implied
     * (a foreign key's value carried into its semi-join, a semi-join's condition carried into
     * another through the same key, repeats, absorbed disjuncts, a semi-join left without a
     * condition on a key that may be null).
     */
    static final List<String> PRUNED = List.of("check(owner)", "owner == auth() && check(owner)",
            "check(parent) && parent.qty > 0", "parent != null && parent.owner == auth() && check(parent)",
            "(qty > 1 || flag) && (qty > 1 || flag)", "qty > 1 || (qty > 1 && flag)",
            "children?[check(parent) && check(owner)]", "tags?[check(item)] && check(owner)",
            "check(parent) && (parent.qty > 0 || parent.owner.tier == 'GOLD')");

    static TestDatabase database;
    static Connection connection;
    static final Map<String, Map<Object, MapRow>> tables = new LinkedHashMap<>();

    @BeforeAll
    static void createSchemaAndRandomRows() throws SQLException {
        database = TestPostgres.server().createDatabase("differential");
        connection = database.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE d_owner (id bigint PRIMARY KEY, name text, score int, active boolean, tier text, created timestamptz)");
            statement.execute("CREATE TABLE d_item (id bigint PRIMARY KEY, owner_id bigint REFERENCES d_owner, parent_id bigint REFERENCES d_item,"
                    + " label text, qty int, flag boolean, kind text, price numeric(10,2))");
            statement.execute("CREATE TABLE d_tag (id bigint PRIMARY KEY, item_id bigint NOT NULL REFERENCES d_item, name text, weight int)");
        }
        Random random = new Random(42);
        String[] strings = { "a", "b", "ab", "ba", "A", "", "abc", "1", "2", "alice" };
        for (long id = 1; id <= 12; id++) {
            insert("d_owner", id, maybe(random, strings[random.nextInt(strings.length)]), maybe(random, random.nextInt(4)),
                    maybe(random, random.nextBoolean()), maybe(random, new String[] { "GOLD", "SILVER", "BRONZE" }[random.nextInt(3)]),
                    maybe(random, OffsetDateTime.parse("2021-01-01T00:00:00Z").plusDays(random.nextInt(1000))));
        }
        for (long id = 1; id <= 40; id++) {
            Object parent = id > 3 && random.nextInt(3) > 0 ? (Object) (long) (1 + random.nextInt((int) id - 1)) : null;
            insert("d_item", id, maybe(random, (long) (1 + random.nextInt(12))), parent,
                    maybe(random, strings[random.nextInt(strings.length)]), maybe(random, random.nextInt(4)),
                    maybe(random, random.nextBoolean()), maybe(random, new String[] { "A", "B", "C" }[random.nextInt(3)]),
                    maybe(random, new BigDecimal(random.nextInt(300)).movePointLeft(2)));
        }
        for (long id = 1; id <= 70; id++) {
            insert("d_tag", id, (long) (1 + random.nextInt(40)), maybe(random, strings[random.nextInt(strings.length)]),
                    maybe(random, random.nextInt(4)));
        }
        Map<String, String> tableOfEntity = Map.of("Owner", "d_owner", "Item", "d_item", "Tag", "d_tag");
        for (String table : List.of("d_owner", "d_item", "d_tag")) {
            Map<Object, MapRow> rows = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        if (value instanceof java.sql.Timestamp timestamp) {
                            value = timestamp.toInstant();
                        }
                        columns.put(meta.getColumnName(i), value);
                    }
                    rows.put(columns.get("id"), new MapRow(tables, tableOfEntity, columns));
                }
            }
            tables.put(table, rows);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
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
            String expression = e < 2 * PRUNED.size() ? PRUNED.get(e / 2) : generator.condition();
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
                for (MapRow row : tables.get("d_item").values()) {
                    if (Evaluator.test(bound, row, principal, null, rules)) {
                        fromMemory.add((Long) row.column("id"));
                    }
                    cases++;
                }
                acceptedSome += fromSql.isEmpty() ? 0 : 1;
                rejectedSome += fromSql.size() == tables.get("d_item").size() ? 0 : 1;
                if (!fromSql.equals(fromMemory)) {
                    Set<Long> onlySql = new TreeSet<>(fromSql);
                    onlySql.removeAll(fromMemory);
                    Set<Long> onlyMemory = new TreeSet<>(fromMemory);
                    onlyMemory.removeAll(fromSql);
                    fail("Evaluator and SQL disagree. Replay with -Drowguard.differential.seed=" + seed
                            + "\n  expression: " + expression + (hideRow ? " (rules with hidden-reference denies)" : "")
                            + "\n  principal:  " + describe(principal)
                            + "\n  SQL:        " + sql.sql() + "\n  parameters: " + sql.parameters()
                            + "\n  rows only SQL accepts: " + rowsOf(onlySql) + "\n  rows only the evaluator accepts: " + rowsOf(onlyMemory));
                }
            }
        }
        System.out.printf("differential: seed %d, %d cases, %d queries accepted some rows, %d rejected some%n", seed,
                cases, acceptedSome, rejectedSome);
        assertThat(cases).isGreaterThanOrEqualTo(10_000);
        assertThat(acceptedSome).as("queries that accepted rows").isGreaterThan(EXPRESSIONS * PRINCIPALS / 4);
        assertThat(rejectedSome).as("queries that rejected rows").isGreaterThan(EXPRESSIONS * PRINCIPALS / 4);
    }

    private static Set<Long> query(SqlCondition sql, long seed, String expression, AuthPrincipal principal) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.id FROM d_item t WHERE " + sql.sql())) {
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
                    + describe(principal) + "\n  SQL: " + sql.sql() + "\n  parameters: " + sql.parameters(), ex);
        }
        return ids;
    }

    private static String rowsOf(Set<Long> ids) {
        List<String> rows = new ArrayList<>();
        for (Long id : ids) {
            rows.add(tables.get("d_item").get(id).toString());
        }
        return ids + " " + rows;
    }

    private static String describe(AuthPrincipal principal) {
        return principal == null ? "anonymous"
                : "id=" + principal.id() + " roles=" + principal.roles() + " attributes=" + principal.attributes();
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private static void insert(String table, Object... values) throws SQLException {
        String placeholders = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders + ")")) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
