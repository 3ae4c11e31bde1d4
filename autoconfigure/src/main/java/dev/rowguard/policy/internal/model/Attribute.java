package dev.rowguard.policy.internal.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An attribute of an entity as policies see it: a column, a to-one or a to-many relation.
 */
public sealed interface Attribute {

    String name();

    /**
     * A column.
     *
     * @param column the column name as it must appear in SQL (already quoted if needed)
     * @param enumConstants for {@link ValueKind#ENUM}: the constant names in ordinal
     * order
     * @param ordinalEnum whether the enum is stored as its ordinal instead of its name
     */
    record Scalar(String name, String column, ValueKind kind, Class<?> javaType, List<String> enumConstants,
            boolean ordinalEnum, boolean nullable) implements Attribute {

        public static Scalar of(String name, String column, ValueKind kind, Class<?> javaType, boolean nullable) {
            return new Scalar(name, column, kind, javaType, List.of(), false, nullable);
        }
    }

    /**
     * A to-one relation held by a foreign-key column of this entity's table, referencing
     * the target's id.
     */
    record ToOne(String name, String targetEntity, String foreignKeyColumn, boolean optional) implements Attribute {
    }

    /**
     * A to-many relation: either the target's table holds a foreign key to this entity
     * ({@code targetForeignKeyColumn}), or a join table links the two
     * ({@code joinTable}).
     */
    record ToMany(String name, String targetEntity, @Nullable String targetForeignKeyColumn,
            @Nullable JoinTable joinTable) implements Attribute {
    }

    /**
     * A many-to-many link table: {@code ownerColumn} references this entity,
     * {@code targetColumn} the element.
     */
    record JoinTable(String table, String ownerColumn, String targetColumn) {
    }

}
