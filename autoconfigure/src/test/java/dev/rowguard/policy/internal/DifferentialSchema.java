package dev.rowguard.policy.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.testsupport.TestPostgres;

/**
 * The differential tests' world: three related tables (owners, items with a parent, tags)
 * on a fresh database with the same random rows every run (nulls included), the rules
 * {@code check()} reaches, and the rows in memory for the evaluator.
 */
final class DifferentialSchema {

    static final DomainModel MODEL = new ModelBuilder("level", "region", "since").entity("Owner", "d_owner")
        .id(ValueKind.NUMBER, Long.class)
        .scalar("name", "name", ValueKind.STRING, String.class, true)
        .scalar("score", "score", ValueKind.NUMBER, Integer.class, true)
        .scalar("active", "active", ValueKind.BOOLEAN, Boolean.class, true)
        .enumeration("tier", "tier", true, "GOLD", "SILVER", "BRONZE")
        .scalar("created", "created", ValueKind.TEMPORAL, Instant.class, true)
        .toMany("items", "Item", "owner_id")
        .authEntity()
        .done()
        .entity("Item", "d_item")
        .id(ValueKind.NUMBER, Long.class)
        .toOne("owner", "Owner", "owner_id", true)
        .toOne("parent", "Item", "parent_id", true)
        .scalar("label", "label", ValueKind.STRING, String.class, true)
        .scalar("qty", "qty", ValueKind.NUMBER, Integer.class, true)
        .scalar("flag", "flag", ValueKind.BOOLEAN, Boolean.class, true)
        .enumeration("kind", "kind", true, "A", "B", "C")
        .scalar("price", "price", ValueKind.NUMBER, BigDecimal.class, true)
        .scalar("seen", "seen", ValueKind.TEMPORAL, LocalDateTime.class, true)
        .scalar("due", "due", ValueKind.TEMPORAL, LocalDate.class, true)
        .toMany("tags", "Tag", "item_id")
        .toMany("children", "Item", "parent_id")
        .inverseToOne("child", "Item", "parent_id")
        .done()
        .entity("Tag", "d_tag")
        .id(ValueKind.NUMBER, Long.class)
        .toOne("item", "Item", "item_id", false)
        .scalar("name", "name", ValueKind.STRING, String.class, true)
        .scalar("weight", "weight", ValueKind.NUMBER, Integer.class, true)
        .done()
        .build();

    static final PolicySet RULES = PolicySet.build(MODEL,
            Map.of("Owner",
                    List.of(RuleDeclaration.allow("Owner", "active == true || score > auth().level", Operation.ALL),
                            RuleDeclaration.allow("Owner", "auth() == this", Operation.ALL),
                            RuleDeclaration.allow("Owner", "has(auth().roles, 'admin')", Operation.READ)),
                    "Item",
                    List.of(RuleDeclaration.allow("Item", "qty > 0 || owner.tier == 'GOLD'", Operation.ALL),
                            RuleDeclaration.deny("Item", "label == auth().region", Operation.READ)),
                    "Tag", List.of(RuleDeclaration.allow("Tag", "check(item)", Operation.READ))),
            false);

    /**
     * The same rules with the default's hidden-reference denies: checks the compiler may
     * prune where implied.
     */
    static final PolicySet HIDE_ROW_RULES = RULES.with(HiddenReferences.of(RULES));

    /**
     * Run first, each with both rule sets. Conditions where the compiler drops what is
     * implied (a foreign key's value carried into its semi-join, a semi-join's condition
     * carried into another through the same key, repeats, absorbed disjuncts, a semi-join
     * left without a condition on a key that may be null), then comparisons of points in
     * time with zoneless columns, related rows asked for members alone or for their id.
     */
    static final List<String> FIXED_CONDITIONS = List.of("check(owner)", "owner == auth() && check(owner)",
            "check(parent) && parent.qty > 0", "parent != null && parent.owner == auth() && check(parent)",
            "(qty > 1 || flag) && (qty > 1 || flag)", "qty > 1 || (qty > 1 && flag)",
            "children?[check(parent) && check(owner)]", "tags?[check(item)] && check(owner)",
            "check(parent) && (parent.qty > 0 || parent.owner.tier == 'GOLD')",
            // string constants with colons (Hibernate takes ':name' in a filter for a
            // parameter, inside quotes too)
            "label != 'org:admin' && label != 'a:b:c'",
            // zoneless columns (timestamp, date) against points in time, read at UTC in
            // any session zone
            "seen < now()", "due < auth().since", "seen >= auth().since", "due == auth().since", "parent.seen > due",
            "owner.created < seen", "due <= owner.created",
            // members of a related row alone, without the related row's table (both
            // forms)
            "owner.items?[qty > 1]", "owner.items?[flag] || owner.active", "!owner.items?[qty > 1 && flag]",
            "owner != null && !(owner.items?[flag] || owner.score > 2)",
            // a related row asked for its id (Owner allows auth() == this): row-driven,
            // its foreign key compared, negated too (a null key has no row)
            "!check(owner)", "!(check(owner) || flag)", "parent == null || !check(parent.owner)");

    static final List<String> TABLES = List.of("d_owner", "d_item", "d_tag");

    final Connection connection;

    /** Every row by table and id, as the evaluator reads them. */
    final Map<String, Map<Object, MapRow>> tables = new LinkedHashMap<>();

    private DifferentialSchema(Connection connection) {
        this.connection = connection;
    }

    /** A new database with the tables and their rows. */
    static DifferentialSchema create(String name) throws SQLException {
        DifferentialSchema schema = new DifferentialSchema(TestPostgres.server().createDatabase(name).connect());
        try (Statement statement = schema.connection.createStatement()) {
            // zoneless columns are read at UTC whatever the session's zone: a zone 13:45
            // away shows it
            statement.execute("SET TIME ZONE 'Pacific/Chatham'");
        }
        schema.createTablesAndRandomRows();
        return schema;
    }

    Map<Object, MapRow> items() {
        return tables.get("d_item");
    }

    private void createTablesAndRandomRows() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE d_owner (id bigint PRIMARY KEY, name text, score int, active boolean, tier text, created timestamptz)");
            statement.execute(
                    "CREATE TABLE d_item (id bigint PRIMARY KEY, owner_id bigint REFERENCES d_owner, parent_id bigint REFERENCES d_item,"
                            + " label text, qty int, flag boolean, kind text, price numeric(10,2), seen timestamp, due date)");
            statement.execute(
                    "CREATE TABLE d_tag (id bigint PRIMARY KEY, item_id bigint NOT NULL REFERENCES d_item, name text, weight int)");
        }
        Random random = new Random(42);
        String[] strings = { "a", "b", "ab", "ba", "A", "", "abc", "1", "2", "alice" };
        for (long id = 1; id <= 12; id++) {
            insert("d_owner", id, maybe(random, strings[random.nextInt(strings.length)]),
                    maybe(random, random.nextInt(4)), maybe(random, random.nextBoolean()),
                    maybe(random, new String[] { "GOLD", "SILVER", "BRONZE" }[random.nextInt(3)]),
                    maybe(random, OffsetDateTime.parse("2021-01-01T00:00:00Z").plusDays(random.nextInt(1000))));
        }
        for (long id = 1; id <= 40; id++) {
            Object parent = id > 3 && random.nextInt(3) > 0 ? (Object) (long) (1 + random.nextInt((int) id - 1)) : null;
            insert("d_item", id, maybe(random, (long) (1 + random.nextInt(12))), parent,
                    maybe(random, strings[random.nextInt(strings.length)]), maybe(random, random.nextInt(4)),
                    maybe(random, random.nextBoolean()),
                    maybe(random, new String[] { "A", "B", "C" }[random.nextInt(3)]),
                    maybe(random, new BigDecimal(random.nextInt(300)).movePointLeft(2)),
                    maybe(random, LocalDateTime.parse("2021-01-01T00:00:00").plusMinutes(random.nextInt(1000) * 1439L)),
                    maybe(random, LocalDate.parse("2021-01-01").plusDays(random.nextInt(1000))));
        }
        for (long id = 1; id <= 70; id++) {
            insert("d_tag", id, (long) (1 + random.nextInt(40)), maybe(random, strings[random.nextInt(strings.length)]),
                    maybe(random, random.nextInt(4)));
        }
        Map<String, String> tableOfEntity = Map.of("Owner", "d_owner", "Item", "d_item", "Tag", "d_tag");
        for (String table : TABLES) {
            Map<Object, MapRow> rows = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = switch (meta.getColumnTypeName(i)) {
                            case "timestamptz" -> result.getObject(i, OffsetDateTime.class);
                            case "timestamp" -> result.getObject(i, LocalDateTime.class);
                            case "date" -> result.getObject(i, LocalDate.class);
                            default -> result.getObject(i);
                        };
                        columns.put(meta.getColumnName(i), value);
                    }
                    rows.put(columns.get("id"), new MapRow(tables, tableOfEntity, columns));
                }
            }
            tables.put(table, rows);
        }
    }

    /** The items and their columns, for a failure message. */
    String itemsOf(Set<Long> ids) {
        List<String> rows = new ArrayList<>();
        for (Long id : ids) {
            rows.add(items().get(id).toString());
        }
        return ids + " " + rows;
    }

    static String describe(AuthPrincipal principal) {
        return principal == null ? "anonymous"
                : "id=" + principal.id() + " roles=" + principal.roles() + " attributes=" + principal.attributes();
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private void insert(String table, Object... values) throws SQLException {
        String placeholders = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement statement = connection
            .prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders + ")")) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

}
