package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.model.Attribute;

/**
 * A row of an in-memory table set, keyed by column name, with relations followed through
 * the other tables.
 */
final class MapRow implements Row {

    private final Map<String, Map<Object, MapRow>> tables;

    private final Map<String, String> tableOfEntity;

    private final Map<String, Object> columns;

    MapRow(Map<String, Map<Object, MapRow>> tables, Map<String, String> tableOfEntity, Map<String, Object> columns) {
        this.tables = tables;
        this.tableOfEntity = tableOfEntity;
        this.columns = columns;
    }

    Object column(String name) {
        return columns.get(name);
    }

    @Override
    public Object value(Attribute.Scalar attribute) {
        return columns.get(attribute.column());
    }

    @Override
    public Row related(Attribute.ToOne relation) {
        Object key = columns.get(relation.foreignKeyColumn());
        return key == null ? null : tables.get(tableOfEntity.get(relation.targetEntity())).get(key);
    }

    @Override
    public Object foreignKey(Attribute.ToOne relation) {
        return columns.get(relation.foreignKeyColumn());
    }

    @Override
    public List<Row> elements(Attribute.ToMany relation) {
        List<Row> elements = new ArrayList<>();
        for (MapRow row : tables.get(tableOfEntity.get(relation.targetEntity())).values()) {
            if (!relation.correlated() || columns.get("id").equals(row.column(relation.targetForeignKeyColumn()))) {
                elements.add(row);
            }
        }
        return elements;
    }

    @Override
    public String toString() {
        return columns.toString();
    }

}
