package dev.rowguard.policy.internal.sql;

import java.util.List;

/**
 * A policy compiled for one principal: a predicate over the given alias and the values to
 * bind to its placeholders, in order, already in the Java types JDBC binds for their
 * columns.
 */
public record SqlCondition(String sql, List<Object> parameters) {

    public boolean alwaysFalse() {
        return sql.equals("FALSE");
    }

    public boolean alwaysTrue() {
        return sql.equals("TRUE");
    }
}
