package dev.rowguard.policy.internal.sql;

import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.eval.Values;

/**
 * What folding needs to know about the principal: the truth of conditions that read no row,
 * and the values that become parameters. Answered from a real principal at run time, or
 * enumerated at start-up to find every shape a rule can fold to.
 */
interface Decisions {

    boolean truth(Bound condition);

    /** The external value converted for its use, or null when absent or not convertible (the test is then false). */
    Object parameter(Bound external, UnaryOperator<Object> conversion);

    /** The external list's items, each converted; null when the list is absent or has no convertible item. */
    List<Object> parameterList(Bound externalList, UnaryOperator<Object> conversion);

    static Decisions of(AuthPrincipal principal, Row before) {
        return new Decisions() {
            @Override
            public boolean truth(Bound condition) {
                return Evaluator.truthWithoutRow(condition, principal, before);
            }

            @Override
            public Object parameter(Bound external, UnaryOperator<Object> conversion) {
                return conversion.apply(Evaluator.valueWithoutRow(external, principal, before));
            }

            @Override
            public List<Object> parameterList(Bound externalList, UnaryOperator<Object> conversion) {
                if (!(Evaluator.valueWithoutRow(externalList, principal, before) instanceof Collection<?> items)) {
                    return null;
                }
                List<Object> converted = items.stream().map(Values::normalize).map(conversion)
                        .filter(java.util.Objects::nonNull).toList();
                return converted.isEmpty() ? null : converted;
            }
        };
    }
}
