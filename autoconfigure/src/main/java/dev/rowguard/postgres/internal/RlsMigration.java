package dev.rowguard.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.sql.RlsCompiler;

import org.jspecify.annotations.Nullable;

/**
 * Writes the row-level security migration for a policy set: the {@code rowguard}
 * functions, one row source per table ({@link RowSources}), and per table
 * {@code ENABLE ROW LEVEL SECURITY}, on the owner too or not as the row sources need,
 * with four policies compiled from the same rules as the Hibernate filters
 * ({@link RlsCompiler}). Everything is sorted (tables by name, entities by name) and
 * nothing depends on the time or the machine, so the same rules give the same bytes. What
 * row-level security cannot express is reported, in the file and in
 * {@link Result#warnings()}.
 */
public final class RlsMigration {

    public static final String READ = "rowguard_read";

    public static final String CREATE = "rowguard_create";

    public static final String UPDATE = "rowguard_update";

    public static final String DELETE = "rowguard_delete";

    private static final String SYSTEM = "(select rowguard.is_system())";

    private final PolicySet policies;

    private final RowSources rowSources;

    private final RlsCompiler compiler;

    private final List<String> warnings = new ArrayList<>();

    private final StringBuilder sql = new StringBuilder();

    private RlsMigration(PolicySet policies, RowSources rowSources) {
        this.policies = policies;
        this.rowSources = rowSources;
        this.compiler = new RlsCompiler(policies.model(), policies, rowSources::of);
    }

    /**
     * The migration's text and what it could not express (each also a comment in the
     * text).
     */
    public record Result(String sql, List<String> warnings) {
    }

    /**
     * @param policies the rules as start-up builds them (hidden-reference denies included
     * when enabled)
     * @param excluded entities whose table gets no policies of its own, with the reason
     * (reported)
     * @param header the lines of the header comment: what generated the file and how to
     * regenerate it
     * @param rowSources how policies read related rows past their policies
     */
    public static Result write(PolicySet policies, Map<String, String> excluded, List<String> header,
            RowSources rowSources) {
        return write(policies, excluded, header, rowSources, Map.of());
    }

    /**
     * @param visibleColumns the columns of each table with field read rules, for its
     * {@code <table>_visible} view
     */
    public static Result write(PolicySet policies, Map<String, String> excluded, List<String> header,
            RowSources rowSources, Map<String, List<ViewColumn>> visibleColumns) {
        RlsMigration migration = new RlsMigration(policies, rowSources);
        return migration.build(excluded, header, visibleColumns);
    }

    /**
     * A column of a {@code
     *
    <table>
     * _visible} view: as stored, or masked by the read rule of the field mapped to it.
     *
     * @param entity the entity whose field is mapped to the column, or null
     * @param field that field, or null for a column shown as stored
     */
    public record ViewColumn(String column, @Nullable String entity, @Nullable String field) {
    }

    /**
     * The policy for one rule and operation alone, for tests that install a rule of their
     * own.
     */
    public static String readPolicy(PolicySet policies, String table, Bound rule, RowSources rowSources) {
        RlsMigration migration = new RlsMigration(policies, rowSources);
        return "CREATE POLICY " + READ + " ON " + table + " FOR SELECT USING ("
                + guarded(migration.compiler.condition(rule, RowSources.alias(table))) + ");";
    }

    private Result build(Map<String, String> excluded, List<String> header,
            Map<String, List<ViewColumn>> visibleColumns) {
        Map<String, List<EntityModel>> byTable = new TreeMap<>();
        for (EntityModel entity : policies.model().entities()) {
            if (!excluded.containsKey(entity.name())) {
                byTable.computeIfAbsent(entity.table(), table -> new ArrayList<>()).add(entity);
            }
        }
        byTable.values().forEach(entities -> entities.sort(java.util.Comparator.comparing(EntityModel::name)));
        new TreeMap<>(excluded).forEach((entity, reason) -> warnings.add(entity + ": " + reason));
        Map<String, List<End>> joinTables = joinTables(byTable);
        StringBuilder body = new StringBuilder();
        body.append(functions()).append('\n');
        body.append("-- Subqueries read related rows as they are, past their own policies (see RowSources):\n");
        Set<String> sources = new TreeSet<>(byTable.keySet());
        sources.addAll(joinTables.keySet());
        Map<String, Set<String>> columns = columns(byTable, joinTables);
        body.append(rowSources.prelude());
        for (String table : sources) {
            body.append(rowSources.definition(table, Objects.requireNonNull(columns.get(table)))).append('\n');
        }
        byTable.forEach((table, entities) -> body.append('\n').append(tablePolicies(table, entities)));
        joinTables.forEach((table, ends) -> body.append('\n').append(joinTablePolicies(table, ends)));
        visibleColumns.forEach((table, shown) -> body.append('\n').append(visibleView(table, shown)));
        for (String line : header) {
            sql.append("-- ").append(line).append('\n');
        }
        if (!warnings.isEmpty()) {
            sql.append("--\n-- Not expressible in row-level security (the application still enforces these):\n");
            warnings.forEach(warning -> sql.append("--   ").append(warning).append('\n'));
        }
        sql.append('\n').append(body);
        return new Result(sql.toString(), List.copyOf(warnings));
    }

    private String tablePolicies(String table, List<EntityModel> entities) {
        String alias = RowSources.alias(table);
        StringBuilder text = new StringBuilder();
        List<String> names = entities.stream().map(EntityModel::name).toList();
        text.append("-- ").append(String.join(", ", names)).append(" (").append(table).append(")\n");
        for (EntityModel entity : entities) {
            if (policies.unannotatedEntities().contains(entity.name())) {
                text.append("-- ")
                    .append(entity.name())
                    .append(" has no @Allow/@Deny: ")
                    .append(Bound.Const.FALSE.equals(policies.rule(entity.name(), Operation.READ))
                            ? "closed to every caller but the system" : "open to every caller")
                    .append(" (rowguard.policy.unannotated)\n");
            }
        }
        String read = condition(table, entities, Operation.READ, alias);
        String create = condition(table, entities, Operation.CREATE, alias);
        String update = condition(table, entities, Operation.UPDATE, alias);
        String postUpdate = postUpdate(table, entities, alias, text);
        String delete = condition(table, entities, Operation.DELETE, alias);
        protect(text, table, read, create, update, postUpdate, delete);
        return text.toString();
    }

    private static void policy(StringBuilder text, String name, String table, String command, @Nullable String using,
            @Nullable String check) {
        text.append("DROP POLICY IF EXISTS ").append(name).append(" ON ").append(table).append(";\n");
        text.append("CREATE POLICY ").append(name).append(" ON ").append(table).append(" FOR ").append(command);
        if (using != null) {
            text.append("\n    USING (").append(guarded(using)).append(')');
        }
        if (check != null) {
            text.append("\n    WITH CHECK (").append(guarded(check)).append(')');
        }
        text.append(";\n");
    }

    /** The system context passes every policy, as it bypasses every Hibernate check. */
    private static String guarded(String condition) {
        if (condition.equals("TRUE")) {
            return "true";
        }
        return condition.equals("FALSE") ? SYSTEM : SYSTEM + " OR (" + condition + ")";
    }

    /**
     * The rules of the entities stored in one table: one rule, or what any of them allows
     * (reported).
     */
    private String condition(String table, List<EntityModel> entities, Operation operation, String alias) {
        Set<String> conditions = new LinkedHashSet<>();
        for (EntityModel entity : entities) {
            conditions.add(compiler.condition(policies.rule(entity.name(), operation), alias));
        }
        return merged(table, entities, operation, conditions);
    }

    private String postUpdate(String table, List<EntityModel> entities, String alias, StringBuilder text) {
        Set<String> conditions = new LinkedHashSet<>();
        for (EntityModel entity : entities) {
            Bound rule = policies.rule(entity.name(), Operation.POST_UPDATE);
            if (BeforeRelaxation.readsBefore(rule)) {
                String declared = String.join(" ",
                        policies.declarations(entity.name())
                            .stream()
                            .filter(declaration -> declaration.covers(Operation.POST_UPDATE))
                            .map(d -> d.describe())
                            .toList());
                String warning = entity.name() + " POST_UPDATE: before() cannot be seen by row-level security; the"
                        + " WITH CHECK of " + UPDATE + " on " + table + " holds whatever the old values were ("
                        + declared + ")";
                warnings.add(warning);
                text.append("-- ").append(warning).append('\n');
                rule = BeforeRelaxation.relax(rule);
            }
            conditions.add(compiler.condition(rule, alias));
        }
        return merged(table, entities, Operation.POST_UPDATE, conditions);
    }

    private String merged(String table, List<EntityModel> entities, Operation operation, Set<String> conditions) {
        if (conditions.size() == 1) {
            return conditions.iterator().next();
        }
        warnings.add(table + " " + operation + ": the entities stored in it ("
                + String.join(", ", entities.stream().map(EntityModel::name).toList())
                + ") have different rules; the policy allows what any of them allows");
        return "(" + String.join(") OR (", conditions) + ")";
    }

    /**
     * One end of a many-to-many link: the entity and the link table's column that
     * references it.
     */
    private record End(EntityModel entity, String column) {
    }

    private Map<String, List<End>> joinTables(Map<String, List<EntityModel>> byTable) {
        Map<String, Set<List<String>>> ends = new TreeMap<>();
        Map<String, EntityModel> entities = new TreeMap<>();
        byTable.values().forEach(list -> list.forEach(entity -> entities.put(entity.name(), entity)));
        for (EntityModel owner : entities.values()) {
            for (Attribute attribute : owner.attributes().values()) {
                if (attribute instanceof Attribute.ToMany toMany && toMany.joinTable() != null
                        && entities.containsKey(toMany.targetEntity())) {
                    Attribute.JoinTable join = toMany.joinTable();
                    Set<List<String>> tableEnds = ends.computeIfAbsent(join.table(),
                            table -> new TreeSet<>(java.util.Comparator.comparing((List<String> end) -> end.get(1))
                                .thenComparing(end -> end.get(0))));
                    tableEnds.add(List.of(owner.name(), join.ownerColumn()));
                    tableEnds.add(List.of(toMany.targetEntity(), join.targetColumn()));
                }
            }
        }
        Map<String, List<End>> result = new TreeMap<>();
        ends.forEach((table, tableEnds) -> {
            if (tableEnds.size() == 2) {
                result.put(table,
                        tableEnds.stream()
                            .map(end -> new End(Objects.requireNonNull(entities.get(end.get(0))), end.get(1)))
                            .toList());
            }
            else {
                warnings.add("link table " + table + " is not a plain link of two entities; it gets no policies");
            }
        });
        return result;
    }

    /**
     * A link is visible when both its ends are (the filters show a link only with its
     * element readable, reached from a readable owner). It may be added or removed when
     * both ends are readable and one of them may be updated or created: the application
     * checks the owning side's update rule (not for an owner created in the same flush),
     * and the model does not say which side owns the link, so the policy accepts either.
     */
    private String joinTablePolicies(String table, List<End> ends) {
        String alias = RowSources.alias(table);
        String readable = end(ends.get(0), "rg_a", alias, policies.rule(ends.get(0).entity().name(), Operation.READ))
                + " AND " + end(ends.get(1), "rg_b", alias, policies.rule(ends.get(1).entity().name(), Operation.READ));
        String changeable = readable + " AND (" + end(ends.get(0), "rg_a", alias, changing(ends.get(0))) + " OR "
                + end(ends.get(1), "rg_b", alias, changing(ends.get(1))) + ")";
        StringBuilder text = new StringBuilder();
        text.append("-- link table ")
            .append(table)
            .append(" of ")
            .append(ends.get(0).entity().name())
            .append(" and ")
            .append(ends.get(1).entity().name())
            .append('\n');
        protect(text, table, readable, changeable, changeable, changeable, changeable);
        return text.toString();
    }

    /**
     * Row-level security on the table (on its owner too, unless the row sources read as
     * the owner) and its four policies.
     */
    private void protect(StringBuilder text, String table, String read, String create, String update, String postUpdate,
            String delete) {
        text.append("ALTER TABLE ").append(table).append(" ENABLE ROW LEVEL SECURITY;\n");
        text.append(rowSources.ownerClause(table)).append('\n');
        policy(text, READ, table, "SELECT", read, null);
        policy(text, CREATE, table, "INSERT", null, create);
        policy(text, UPDATE, table, "UPDATE", update, postUpdate);
        policy(text, DELETE, table, "DELETE", delete, null);
    }

    /**
     * Row-level security cannot mask a column per row: {@code
     *
    <table>
     * _visible} shows the table's rows (through the table's policies: the view runs as
     * its caller) with each field a caller may not read as null, the same {@code CASE}
     * Hibernate's statements carry. Clients that read the table directly see stored
     * values.
     */
    private String visibleView(String table, List<ViewColumn> columns) {
        String view = table.endsWith("\"") ? table.substring(0, table.length() - 1) + "_visible\"" : table + "_visible";
        String alias = RowSources.alias(table);
        List<String> selected = new ArrayList<>();
        for (ViewColumn column : columns) {
            if (column.field() == null || column.entity() == null) {
                selected.add(alias + "." + column.column());
                continue;
            }
            String visible = compiler
                .condition(policies.fieldRules().rule(column.entity(), column.field(), Operation.READ), alias);
            selected.add("CASE WHEN " + guarded(visible) + " THEN " + alias + "." + column.column() + " END AS "
                    + column.column());
        }
        return "-- " + table + ": fields hidden per row by their read rules; clients that must not see them read"
                + " this view\nDROP VIEW IF EXISTS " + view + ";\nCREATE VIEW " + view
                + " WITH (security_invoker = true) AS SELECT\n    " + String.join(",\n    ", selected) + "\nFROM "
                + table + " " + alias + ";\n";
    }

    /**
     * What lets a caller change an end's links: its update rule, or its create rule (an
     * end created with its links).
     */
    private Bound changing(End end) {
        return new Bound.Or(List.of(policies.rule(end.entity().name(), Operation.UPDATE),
                policies.rule(end.entity().name(), Operation.CREATE)));
    }

    /** The end of the link row exists and passes the rule. */
    private String end(End end, String endAlias, String linkAlias, Bound rule) {
        EntityModel entity = end.entity();
        String condition = compiler.condition(rule, endAlias);
        if (condition.equals("FALSE")) {
            return "FALSE";
        }
        return "EXISTS (SELECT 1 FROM " + rowSources.of(entity.table()) + " " + endAlias + " WHERE " + endAlias + "."
                + entity.requiredId().column() + " = " + linkAlias + "." + end.column()
                + (condition.equals("TRUE") ? "" : " AND " + condition) + ")";
    }

    /**
     * The columns the entities map in each table, sorted: the id, every column attribute,
     * the foreign keys of to-one relations and of one-to-many relations that point into
     * it, and a link table's two columns. These are all a policy can read.
     */
    private static Map<String, Set<String>> columns(Map<String, List<EntityModel>> byTable,
            Map<String, List<End>> joinTables) {
        Map<String, Set<String>> columns = new TreeMap<>();
        Map<String, String> tableOfEntity = new TreeMap<>();
        byTable.forEach((table, entities) -> entities.forEach(entity -> tableOfEntity.put(entity.name(), table)));
        byTable.forEach((table, entities) -> {
            Set<String> tableColumns = columns.computeIfAbsent(table, key -> new TreeSet<>());
            for (EntityModel entity : entities) {
                if (entity.id() != null) {
                    tableColumns.add(entity.id().column());
                }
                for (Attribute attribute : entity.attributes().values()) {
                    if (attribute instanceof Attribute.Scalar scalar) {
                        tableColumns.add(scalar.column());
                    }
                    else if (attribute instanceof Attribute.ToOne toOne) {
                        tableColumns.add(toOne.foreignKeyColumn());
                    }
                    else if (attribute instanceof Attribute.ToMany toMany && toMany.targetForeignKeyColumn() != null
                            && tableOfEntity.containsKey(toMany.targetEntity())) {
                        columns.computeIfAbsent(tableOfEntity.get(toMany.targetEntity()), key -> new TreeSet<>())
                            .add(toMany.targetForeignKeyColumn());
                    }
                }
            }
        });
        joinTables.forEach((table, ends) -> columns.computeIfAbsent(table, key -> new TreeSet<>())
            .addAll(ends.stream().map(End::column).toList()));
        return columns;
    }

    private static String functions() {
        try (InputStream in = RlsMigration.class.getResourceAsStream("/dev/rowguard/postgres/rowguard-functions.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
