package dev.rowguard.policy.internal.sql;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.eval.Evaluator;

/**
 * Decisions for row-level security, where one policy serves every caller: nothing about
 * the principal is decided in Java. Each principal value becomes a parameter whose
 * "value" is the SQL that reads it in the database ({@link AuthSql}), and each condition
 * that reads no row but the principal's becomes a boolean parameter computed there.
 * Conditions over literals alone are still decided now.
 */
final class SymbolicDecisions implements Decisions {

    /** A parameter written as SQL: an expression over the {@code rowguard} functions. */
    record SqlValue(String sql, boolean nullable) {
    }

    @Override
    public boolean truth(Bound condition) {
        if (readsPrincipal(condition)) {
            throw new IllegalStateException("Row-level security decides " + condition + " in the database");
        }
        return Evaluator.truthWithoutRow(condition, null, null);
    }

    @Override
    public Object decide(Bound condition) {
        return readsPrincipal(condition) ? new SqlValue(AuthSql.condition(condition), false) : truth(condition);
    }

    @Override
    public Object parameter(Bound external, Conversion conversion) {
        return new SqlValue(AuthSql.value(external, conversion), true);
    }

    @Override
    public Object parameterList(Bound externalList, Conversion conversion) {
        return new SqlValue(AuthSql.list(externalList, conversion), true);
    }

    private static boolean readsPrincipal(Bound condition) {
        return BoundRewriter.anyNode(condition, node -> node instanceof Bound.AuthValue
                || node instanceof Bound.AuthSelf || node instanceof Bound.BeforeValue);
    }

}
