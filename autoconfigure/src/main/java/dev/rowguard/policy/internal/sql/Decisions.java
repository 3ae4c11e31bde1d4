package dev.rowguard.policy.internal.sql;

import java.util.Collection;
import java.util.List;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.eval.Values;

import org.jspecify.annotations.Nullable;

/**
 * What folding needs to know about the principal: the truth of conditions that read no
 * row, and the values that become parameters. Answered from a real principal at run time,
 * or enumerated at start-up to find every shape a rule can fold to, or left to the
 * database ({@link SymbolicDecisions}, for row-level security).
 */
interface Decisions {

    boolean truth(Bound condition);

    /**
     * The outcome of a condition that reads no row: a {@code Boolean} when it is decided
     * now, else the value of a boolean parameter that the SQL computes.
     */
    default Object decide(Bound condition) {
        return truth(condition);
    }

    /**
     * The external value converted for its use, or null when absent or not convertible
     * (the test is then false).
     */
    @Nullable Object parameter(Bound external, Conversion conversion);

    /**
     * The external list's items, each converted, as one parameter value (a {@code List}
     * of items for a real principal); null when the list is absent or has no convertible
     * item.
     */
    @Nullable Object parameterList(Bound externalList, Conversion conversion);

    static Decisions of(@Nullable AuthPrincipal principal, @Nullable Row before) {
        return new Decisions() {
            @Override
            public boolean truth(Bound condition) {
                return Evaluator.truthWithoutRow(condition, principal, before);
            }

            @Override
            public @Nullable Object parameter(Bound external, Conversion conversion) {
                return conversion.apply(Evaluator.valueWithoutRow(external, principal, before));
            }

            @Override
            public @Nullable Object parameterList(Bound externalList, Conversion conversion) {
                if (!(Evaluator.valueWithoutRow(externalList, principal, before) instanceof Collection<?> items)) {
                    return null;
                }
                List<Object> converted = items.stream()
                    .map(Values::normalize)
                    .map(conversion)
                    .filter(java.util.Objects::nonNull)
                    .toList();
                return converted.isEmpty() ? null : converted;
            }
        };
    }

}
