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
     * ({@code joinTable}). With neither, every row of the target: the rows a collection
     * predicate over {@link #authRows(String) the auth entity} looks the caller's row up
     * in.
     */
    record ToMany(String name, String targetEntity, @Nullable String targetForeignKeyColumn,
            @Nullable JoinTable joinTable, boolean single) implements Attribute {

        public ToMany(String name, String targetEntity, @Nullable String targetForeignKeyColumn,
                @Nullable JoinTable joinTable) {
            this(name, targetEntity, targetForeignKeyColumn, joinTable, false);
        }

        /** The name of {@link #authRows}, as rules write the row it finds. */
        public static final String AUTH = "auth()";

        /**
         * Every row of the auth entity: {@code auth().rel} is bound as "the row of this
         * whose id is {@code auth().id}" over it.
         */
        public static ToMany authRows(String authEntity) {
            return new ToMany(AUTH, authEntity, null, null);
        }

        /** Whether the elements are the rows related to an owner row. */
        public boolean correlated() {
            return targetForeignKeyColumn != null || joinTable != null;
        }

    }

    /**
     * The inverse side of a one-to-one ({@code mappedBy}): the target's table holds the
     * foreign key to this entity. Rules read it like a to-one; it is bound as the
     * collection of the (at most one) related rows, {@link #asToMany()}, marked
     * {@link ToMany#single() single}.
     */
    record InverseToOne(String name, String targetEntity, String targetForeignKeyColumn) implements Attribute {

        public ToMany asToMany() {
            return new ToMany(name, targetEntity, targetForeignKeyColumn, null, true);
        }

    }

    /**
     * A many-to-many link table: {@code ownerColumn} references this entity,
     * {@code targetColumn} the element.
     */
    record JoinTable(String table, String ownerColumn, String targetColumn) {
    }

}
