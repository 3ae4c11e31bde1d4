package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.Type;
import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;
import dev.rowguard.policy.internal.syntax.Quantifier;

import org.jspecify.annotations.Nullable;

/**
 * Partial evaluation for one principal: everything that does not read a row is decided
 * now, {@code check()} is inlined, and the principal's values that remain are turned into
 * numbered parameters. Two principals whose folded trees are equal share one compiled SQL
 * text. For row-level security ({@link SymbolicDecisions}) nothing about the principal is
 * decided: its values and the conditions that read only them become parameters the
 * database computes.
 */
final class Folder extends BoundRewriter {

    private final Decisions decisions;

    private final RuleSource rules;

    private final boolean listParameters;

    private final List<Object> parameters = new ArrayList<>();

    private final java.util.Map<List<Object>, Bound.Param> sharedParameters = new java.util.HashMap<>();

    private int nextVariable;

    private Folder(Decisions decisions, RuleSource rules, boolean listParameters, int firstFreeVariable) {
        this.decisions = decisions;
        this.rules = rules;
        this.listParameters = listParameters;
        this.nextVariable = firstFreeVariable;
    }

    /**
     * The folded condition and its parameter values by index (a list-valued parameter
     * holds a list).
     */
    record Folded(Bound condition, List<Object> parameters) {
    }

    static Folded fold(Bound condition, @Nullable AuthPrincipal principal, @Nullable Row before, RuleSource rules) {
        return fold(condition, Decisions.of(principal, before), rules, false);
    }

    /**
     * @param listParameters whether {@code x in auth().roles} becomes one list-valued
     * parameter (for Hibernate filters, which expand lists) instead of one parameter per
     * item
     */
    static Folded fold(Bound condition, Decisions decisions, RuleSource rules, boolean listParameters) {
        return fold(condition, BoundRewriter.maxVariable(condition), decisions, rules, listParameters);
    }

    /**
     * @param highestVariable the highest row variable {@code condition} uses (known to
     * callers that fold it often)
     */
    static Folded fold(Bound condition, int highestVariable, Decisions decisions, RuleSource rules,
            boolean listParameters) {
        Folder folder = new Folder(decisions, rules, listParameters, highestVariable + 1);
        Bound folded = folder.rewrite(condition);
        return new Folded(folded, java.util.Collections.unmodifiableList(new ArrayList<>(folder.parameters)));
    }

    @Override
    public Bound rewrite(Bound node) {
        if (isExternal(node)) {
            return decided(node);
        }
        if (node instanceof Bound.Not not) {
            Bound operand = rewrite(not.operand());
            return operand instanceof Bound.Const constant ? Bound.Const.of(!Boolean.TRUE.equals(constant.value()))
                    : new Bound.Not(operand);
        }
        if (node instanceof Bound.And and) {
            return junction(and.operands(), true);
        }
        if (node instanceof Bound.Or or) {
            return junction(or.operands(), false);
        }
        if (node instanceof Bound.Compare compare) {
            return compare(compare);
        }
        if (node instanceof Bound.IsNull isNull) {
            return isRowIndependent(isNull.operand()) ? decided(isNull) : isNull;
        }
        if (node instanceof Bound.In in) {
            return in(in.value(), in.list());
        }
        if (node instanceof Bound.ListFunction function) {
            if (function.function() == Bound.ListFunctionKind.HAS
                    && !isRowIndependent(Objects.requireNonNull(function.argument()))) {
                return in(function.argument(), function.list());
            }
            return decided(function);
        }
        if (node instanceof Bound.StringFunction function) {
            return stringFunction(function);
        }
        if (node instanceof Bound.Quantified quantified) {
            return quantified(quantified);
        }
        if (node instanceof Bound.Check check) {
            return check(check);
        }
        if (node instanceof Bound.Related related) {
            Bound condition = rewrite(related.condition());
            return Bound.Const.FALSE.equals(condition) ? condition
                    : new Bound.Related(related.variable(), related.relation(), related.relatedVariable(), condition);
        }
        return node;
    }

    private Bound junction(List<Bound> operands, boolean and) {
        List<Bound> kept = new ArrayList<>();
        for (Bound operand : operands) {
            Bound folded = rewrite(operand);
            if (folded instanceof Bound.Const constant) {
                if (Boolean.TRUE.equals(constant.value()) != and) {
                    return constant;
                }
                continue;
            }
            kept.add(folded);
        }
        if (kept.isEmpty()) {
            return Bound.Const.of(and);
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return and ? new Bound.And(kept) : new Bound.Or(kept);
    }

    private Bound compare(Bound.Compare compare) {
        Bound left = compare.left();
        Bound right = compare.right();
        boolean leftFixed = isRowIndependent(left);
        boolean rightFixed = isRowIndependent(right);
        if (leftFixed && rightFixed) {
            return decided(compare);
        }
        Bound newLeft = leftFixed ? parameterFor(left, right) : left;
        Bound newRight = rightFixed ? parameterFor(right, left) : right;
        if (newLeft == null || newRight == null) {
            return Bound.Const.FALSE;
        }
        if (leftFixed) {
            return new Bound.Compare(mirror(compare.operator()), newRight, newLeft);
        }
        return new Bound.Compare(compare.operator(), newLeft, newRight);
    }

    /** The operator that keeps the comparison's meaning when its operands swap sides. */
    private static BinaryOperator mirror(BinaryOperator operator) {
        return switch (operator) {
            case LT -> BinaryOperator.GT;
            case LE -> BinaryOperator.GE;
            case GT -> BinaryOperator.LT;
            case GE -> BinaryOperator.LE;
            default -> operator;
        };
    }

    private Bound in(Bound value, Bound list) {
        if (isRowIndependent(value)) {
            return decided(new Bound.In(value, list));
        }
        if (list instanceof Bound.ConstList constants) {
            List<Bound> alternatives = new ArrayList<>();
            for (Object item : constants.values()) {
                Object converted = SqlValues.forColumnOf(value, item);
                if (converted != null) {
                    alternatives
                        .add(new Bound.Compare(BinaryOperator.EQ, value, new Bound.Const(converted, value.type())));
                }
            }
            return disjunction(alternatives);
        }
        Conversion conversion = Conversion.forColumnOf(value);
        Object items = decisions.parameterList(list, conversion);
        if (items == null) {
            return Bound.Const.FALSE;
        }
        if (listParameters) {
            return new Bound.In(value,
                    parameter(List.of(list, conversion), items, Type.LIST, SqlValues.javaTypeOf(value)));
        }
        List<Bound> alternatives = new ArrayList<>();
        for (Object item : (List<?>) items) {
            alternatives.add(new Bound.Compare(BinaryOperator.EQ, value,
                    parameter(item, value.type(), SqlValues.javaTypeOf(value))));
        }
        return disjunction(alternatives);
    }

    private static Bound disjunction(List<Bound> alternatives) {
        return alternatives.isEmpty() ? Bound.Const.FALSE
                : alternatives.size() == 1 ? alternatives.get(0) : new Bound.Or(alternatives);
    }

    private Bound stringFunction(Bound.StringFunction function) {
        if (isRowIndependent(function.text()) && isRowIndependent(function.search())) {
            return decided(function);
        }
        Bound text = isRowIndependent(function.text()) ? stringParameter(function.text()) : function.text();
        Bound search = isRowIndependent(function.search()) ? stringParameter(function.search()) : function.search();
        if (text == null || search == null) {
            return Bound.Const.FALSE;
        }
        return new Bound.StringFunction(function.function(), text, search, function.ignoreCase());
    }

    private @Nullable Bound stringParameter(Bound external) {
        if (external instanceof Bound.Const constant) {
            Object value = Values.coerce(constant.value(), ValueKind.STRING);
            return value == null ? null : new Bound.Const(value, Type.STRING);
        }
        Conversion conversion = Conversion.to(ValueKind.STRING);
        Object value = decisions.parameter(external, conversion);
        return value == null ? null : parameter(List.of(external, conversion), value, Type.STRING, String.class);
    }

    private Bound quantified(Bound.Quantified quantified) {
        Bound condition = rewrite(quantified.condition());
        if (quantified.hops().isEmpty() && condition instanceof Bound.Const constant) {
            boolean value = Boolean.TRUE.equals(constant.value());
            if (quantified.quantifier() == Quantifier.SOME && !value) {
                return Bound.Const.FALSE;
            }
            if (quantified.quantifier() == Quantifier.NONE && !value) {
                return Bound.Const.TRUE;
            }
            if (quantified.quantifier() == Quantifier.EVERY && value) {
                return Bound.Const.TRUE;
            }
        }
        return new Bound.Quantified(quantified.quantifier(), quantified.variable(), quantified.hops(),
                quantified.relation(), quantified.elementVariable(), condition);
    }

    /** {@code check(a.b)}: the target's own rule, reached through nested relations. */
    private Bound check(Bound.Check check) {
        Bound rule = rules.rule(check.targetEntity(), check.operation());
        int base = nextVariable;
        nextVariable += rules.highestVariable(check.targetEntity(), check.operation()) + check.hops().size() + 1;
        List<Attribute.ToOne> hops = check.hops();
        if (hops.isEmpty()) {
            // a row already in scope (the inverse side of a one-to-one): its rule, on it
            return rewrite(
                    BoundRewriter.mapVariables(rule, variable -> variable == 0 ? check.variable() : variable + base));
        }
        Bound inlined = BoundRewriter.mapVariables(rule, variable -> variable + base);
        int[] variables = new int[hops.size() + 1];
        variables[0] = check.variable();
        for (int i = 1; i < hops.size(); i++) {
            variables[i] = nextVariable++;
        }
        variables[hops.size()] = base;
        Bound result = inlined;
        for (int i = hops.size() - 1; i >= 0; i--) {
            result = new Bound.Related(variables[i], hops.get(i), variables[i + 1], result);
        }
        return rewrite(result);
    }

    /**
     * A literal, principal value or old value compared with a row value: converted to the
     * row side's column type.
     */
    private @Nullable Bound parameterFor(Bound external, Bound rowSide) {
        if (external instanceof Bound.Const constant) {
            Object converted = SqlValues.forColumnOf(rowSide, constant.value());
            return converted == null ? null : new Bound.Const(converted, rowSide.type());
        }
        Conversion conversion = Conversion.forColumnOf(rowSide);
        Object value = decisions.parameter(external, conversion);
        return value == null ? null
                : parameter(List.of(external, conversion), value, rowSide.type(), SqlValues.javaTypeOf(rowSide));
    }

    /**
     * The parameter for an external value converted one way: the same value converted the
     * same way elsewhere in the rule reuses it, so equal conditions stay equal after
     * folding (and {@link Simplifier} can see that one implies the other).
     */
    private Bound.Param parameter(List<Object> sharingKey, Object value, Type type, Class<?> javaType) {
        return sharedParameters.computeIfAbsent(List.of(sharingKey, type, javaType),
                key -> parameter(value, type, javaType));
    }

    private Bound.Param parameter(Object value, Type type, Class<?> javaType) {
        parameters.add(value);
        return new Bound.Param(parameters.size() - 1, type, javaType);
    }

    /**
     * A condition that reads no row, decided by {@link Decisions}: a constant, or a
     * boolean parameter the SQL computes when the decision is left to the database.
     */
    private Bound decided(Bound condition) {
        Object outcome = decisions.decide(condition);
        return outcome instanceof Boolean truth ? Bound.Const.of(truth)
                : parameter(List.of("decided", condition), outcome, Type.BOOLEAN, Boolean.class);
    }

    private static boolean isExternal(Bound node) {
        return node instanceof Bound.AuthValue || node instanceof Bound.BeforeValue;
    }

    static boolean isRowIndependent(Bound node) {
        return node instanceof Bound.Const || node instanceof Bound.ConstList || isExternal(node);
    }

}
