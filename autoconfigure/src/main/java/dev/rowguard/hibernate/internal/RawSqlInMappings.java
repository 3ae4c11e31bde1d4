package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.Formula;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;
import org.jspecify.annotations.Nullable;

/**
 * SQL written inside mappings ({@code @Formula}, {@code @Subselect},
 * {@code @JoinFormula}, {@code @ColumnTransformer(read = ...)}) that names a table of a
 * protected entity: Hibernate copies it into its statements as is, so it reads that table
 * without the entity's read filter. Start-up names each such place in one warning; the
 * generated row-level security covers them.
 */
final class RawSqlInMappings {

    private final Map<String, Pattern> protectedTables;

    private final List<String> findings = new ArrayList<>();

    private RawSqlInMappings(Map<String, Pattern> protectedTables) {
        this.protectedTables = protectedTables;
    }

    /**
     * @param protectedEntities the bindings of the entities with a read rule
     * @return one description per place: entity, attribute, kind of SQL and the protected
     * table it names
     */
    static List<String> find(Iterable<PersistentClass> bindings, Iterable<PersistentClass> protectedEntities) {
        Map<String, Pattern> tables = new LinkedHashMap<>();
        for (PersistentClass binding : protectedEntities) {
            add(tables, binding.getTable());
            for (Join join : binding.getJoins()) {
                add(tables, join.getTable());
            }
        }
        RawSqlInMappings finder = new RawSqlInMappings(tables);
        for (PersistentClass binding : bindings) {
            String entity = binding.getJpaEntityName();
            if (binding.getTable().getSubselect() != null) {
                finder.check(entity, "(the entity)", "@Subselect", binding.getTable().getSubselect());
            }
            if (binding.getIdentifierProperty() != null) {
                finder.property(entity, "", binding.getIdentifierProperty());
            }
            for (Property property : binding.getPropertyClosure()) {
                finder.property(entity, "", property);
            }
        }
        return finder.findings;
    }

    private static void add(Map<String, Pattern> tables, @Nullable Table table) {
        if (table == null || table.getSubselect() != null) {
            return;
        }
        String name = table.getName();
        tables.put(name, Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private void property(String entity, String prefix, Property property) {
        String path = prefix + property.getName();
        value(entity, path, property.getValue());
    }

    private void value(String entity, String path, Value value) {
        if (value instanceof Component component) {
            for (Property property : component.getProperties()) {
                property(entity, path + ".", property);
            }
            return;
        }
        for (Selectable selectable : value.getSelectables()) {
            if (selectable instanceof Formula formula) {
                check(entity, path, value instanceof org.hibernate.mapping.ToOne ? "@JoinFormula" : "@Formula",
                        formula.getFormula());
            }
            else if (selectable instanceof Column column && column.getCustomRead() != null) {
                check(entity, path, "@ColumnTransformer(read)", column.getCustomRead());
            }
        }
    }

    private void check(String entity, String path, String kind, String sql) {
        protectedTables.forEach((table, pattern) -> {
            if (pattern.matcher(sql).find()) {
                findings
                    .add(entity + "." + path + " (" + kind + " reads table " + table.toLowerCase(Locale.ROOT) + ")");
            }
        });
    }

}
