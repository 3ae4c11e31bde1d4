package dev.rowguard.policy.internal.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.Type;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Decides a bound policy in memory, for a row (or a proposed row), a principal and, in
 * post-update rules, the row as it was. Every comparison is two-valued, exactly as in
 * SQL.
 */
public final class Evaluator {

    private final @Nullable AuthPrincipal principal;

    private final @Nullable Row before;

    private final @Nullable RuleSource rules;

    private final List<Object> parameters;

    /** One instant per evaluation, as CURRENT_TIMESTAMP is one per transaction. */
    private final java.time.Instant now = java.time.Instant.now();

    private Evaluator(@Nullable AuthPrincipal principal, @Nullable Row before, @Nullable RuleSource rules,
            List<Object> parameters) {
        this.principal = principal;
        this.before = before;
        this.rules = rules;
        this.parameters = parameters;
    }

    public static boolean test(Bound condition, Row row, @Nullable AuthPrincipal principal, @Nullable Row before,
            RuleSource rules) {
        return new Evaluator(principal, before, rules, List.of()).truth(condition, new Row[] { row });
    }

    /** Decides an expression that reads no row (one the compiler folds per principal). */
    public static @Nullable Object valueWithoutRow(Bound expression, @Nullable AuthPrincipal principal,
            @Nullable Row before) {
        return new Evaluator(principal, before, null, List.of()).value(expression, new Row[0]);
    }

    public static boolean truthWithoutRow(Bound condition, @Nullable AuthPrincipal principal, @Nullable Row before) {
        return new Evaluator(principal, before, null, List.of()).truth(condition, new Row[0]);
    }

    private boolean truth(Bound condition, Row[] rows) {
        if (condition instanceof Bound.And and) {
            for (Bound operand : and.operands()) {
                if (!truth(operand, rows)) {
                    return false;
                }
            }
            return true;
        }
        if (condition instanceof Bound.Or or) {
            for (Bound operand : or.operands()) {
                if (truth(operand, rows)) {
                    return true;
                }
            }
            return false;
        }
        if (condition instanceof Bound.Not not) {
            return !truth(not.operand(), rows);
        }
        if (condition instanceof Bound.Compare compare) {
            return compare(compare, rows);
        }
        if (condition instanceof Bound.IsNull isNull) {
            return value(isNull.operand(), rows) == null;
        }
        if (condition instanceof Bound.In in) {
            return has(value(in.list(), rows), value(in.value(), rows), kindOf(in.value()));
        }
        if (condition instanceof Bound.ListFunction function) {
            return listFunction(function, rows);
        }
        if (condition instanceof Bound.StringFunction function) {
            return stringFunction(function, rows);
        }
        if (condition instanceof Bound.Quantified quantified) {
            return quantified(quantified, rows);
        }
        if (condition instanceof Bound.Check check) {
            Row target = walk(rows[check.variable()], check.hops());
            return target != null && truth(Objects.requireNonNull(rules).rule(check.targetEntity(), check.operation()),
                    new Row[] { target });
        }
        if (condition instanceof Bound.Related related) {
            Row target = rows[related.variable()] == null ? null : rows[related.variable()].related(related.relation());
            return target != null && truth(related.condition(), with(rows, related.relatedVariable(), target));
        }
        return Boolean.TRUE.equals(Values.coerce(value(condition, rows), ValueKind.BOOLEAN));
    }

    private boolean compare(Bound.Compare compare, Row[] rows) {
        @Nullable Object[] unified = Values.unify(value(compare.left(), rows), kindOf(compare.left()),
                value(compare.right(), rows), kindOf(compare.right()));
        return Values.compare(compare.operator(), unified[0], unified[1]);
    }

    private boolean has(@Nullable Object list, @Nullable Object element, @Nullable ValueKind elementKind) {
        if (!(list instanceof Collection<?> items) || element == null) {
            return false;
        }
        for (Object item : items) {
            @Nullable Object[] unified = Values.unify(element, elementKind, Values.normalize(item), null);
            if (Values.compare(BinaryOperator.EQ, unified[0], unified[1])) {
                return true;
            }
        }
        return false;
    }

    private boolean listFunction(Bound.ListFunction function, Row[] rows) {
        Object list = value(function.list(), rows);
        if (!(list instanceof Collection<?> items)) {
            return false;
        }
        switch (function.function()) {
            case HAS:
                Bound element = Objects.requireNonNull(function.argument());
                return has(list, value(element, rows), kindOf(element));
            case IS_EMPTY:
                return items.isEmpty();
            default:
                Object other = value(Objects.requireNonNull(function.argument()), rows);
                if (!(other instanceof Collection<?> wanted)) {
                    return false;
                }
                boolean every = function.function() == Bound.ListFunctionKind.HAS_EVERY;
                for (Object item : wanted) {
                    boolean found = has(list, Values.normalize(item), null);
                    if (every && !found) {
                        return false;
                    }
                    if (!every && found) {
                        return true;
                    }
                }
                return every;
        }
    }

    private boolean stringFunction(Bound.StringFunction function, Row[] rows) {
        Object text = Values.coerce(value(function.text(), rows), ValueKind.STRING);
        Object search = Values.coerce(value(function.search(), rows), ValueKind.STRING);
        if (text == null || search == null) {
            return false;
        }
        String a = function.ignoreCase() ? ((String) text).toLowerCase(Locale.ROOT) : (String) text;
        String b = function.ignoreCase() ? ((String) search).toLowerCase(Locale.ROOT) : (String) search;
        return switch (function.function()) {
            case CONTAINS -> a.contains(b);
            case STARTS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
        };
    }

    private boolean quantified(Bound.Quantified quantified, Row[] rows) {
        Row owner = walk(rows[quantified.variable()], quantified.hops());
        if (owner == null) {
            return false;
        }
        for (Row element : owner.elements(quantified.relation())) {
            boolean satisfied = truth(quantified.condition(), with(rows, quantified.elementVariable(), element));
            switch (quantified.quantifier()) {
                case SOME:
                    if (satisfied) {
                        return true;
                    }
                    break;
                case EVERY:
                    if (!satisfied) {
                        return false;
                    }
                    break;
                case NONE:
                    if (satisfied) {
                        return false;
                    }
                    break;
            }
        }
        return quantified.quantifier() != dev.rowguard.policy.internal.syntax.Quantifier.SOME;
    }

    /** A value, normalized: see {@link Values#normalize}. Lists stay collections. */
    private @Nullable Object value(Bound expression, Row[] rows) {
        if (expression instanceof Bound.Const constant) {
            return constant.value();
        }
        if (expression instanceof Bound.ConstList list) {
            return list.values();
        }
        if (expression instanceof Bound.AuthValue auth) {
            Object raw = auth.member().valueOf(principal);
            return raw instanceof Collection<?> collection ? normalizeAll(collection) : Values.normalize(raw);
        }
        if (expression instanceof Bound.Field field) {
            Row row = walk(rows[field.variable()], field.hops());
            return row == null ? null : Values.normalize(row.value(field.attribute()));
        }
        if (expression instanceof Bound.BeforeValue beforeValue) {
            return beforeValue(beforeValue);
        }
        if (expression instanceof Bound.Now) {
            return now;
        }
        if (expression instanceof Bound.Param param) {
            return parameters.get(param.index());
        }
        return truth(expression, rows);
    }

    private @Nullable Object beforeValue(Bound.BeforeValue beforeValue) {
        if (before == null) {
            return null;
        }
        if (beforeValue.attribute() instanceof Attribute.Scalar scalar) {
            return Values.normalize(before.value(scalar));
        }
        return Values.normalize(before.foreignKey((Attribute.ToOne) beforeValue.attribute()));
    }

    private static List<Object> normalizeAll(Collection<?> collection) {
        List<Object> values = new ArrayList<>(collection.size());
        for (Object item : collection) {
            values.add(Values.normalize(item));
        }
        return values;
    }

    private static @Nullable ValueKind kindOf(Bound expression) {
        Type type = expression.type();
        return Values.kindOf(type);
    }

    private static @Nullable Row walk(@Nullable Row row, List<Attribute.ToOne> hops) {
        Row current = row;
        for (Attribute.ToOne hop : hops) {
            if (current == null) {
                return null;
            }
            current = current.related(hop);
        }
        return current;
    }

    private static Row[] with(Row[] rows, int variable, Row row) {
        Row[] extended = java.util.Arrays.copyOf(rows, Math.max(rows.length, variable + 1));
        extended[variable] = row;
        return extended;
    }

}
