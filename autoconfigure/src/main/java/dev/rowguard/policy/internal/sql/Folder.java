package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.Type;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;
import dev.rowguard.policy.internal.syntax.Quantifier;

/**
 * Partial evaluation for one principal: everything that does not read a row is decided now,
 * {@code check()} is inlined, and the principal's values that remain are turned into numbered
 * parameters. Two principals whose folded trees are equal share one compiled SQL text.
 */
final class Folder extends BoundRewriter {

    private final AuthPrincipal principal;
    private final Row before;
    private final RuleSource rules;
    private final List<Object> parameters = new ArrayList<>();
    private int nextVariable;

    private Folder(AuthPrincipal principal, Row before, RuleSource rules, int firstFreeVariable) {
        this.principal = principal;
        this.before = before;
        this.rules = rules;
        this.nextVariable = firstFreeVariable;
    }

    record Folded(Bound condition, List<Object> parameters) {
    }

    static Folded fold(Bound condition, AuthPrincipal principal, Row before, RuleSource rules) {
        Folder folder = new Folder(principal, before, rules, BoundRewriter.maxVariable(condition) + 1);
        Bound folded = folder.rewrite(condition);
        return new Folded(folded, List.copyOf(folder.parameters));
    }

    @Override
    public Bound rewrite(Bound node) {
        if (isExternal(node)) {
            return Bound.Const.of(Evaluator.truthWithoutRow(node, principal, before));
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
            return isRowIndependent(isNull.operand())
                    ? Bound.Const.of(Evaluator.valueWithoutRow(isNull.operand(), principal, before) == null) : isNull;
        }
        if (node instanceof Bound.In in) {
            return in(in.value(), in.list());
        }
        if (node instanceof Bound.ListFunction function) {
            if (function.function() == Bound.ListFunctionKind.HAS && !isRowIndependent(function.argument())) {
                return in(function.argument(), function.list());
            }
            return Bound.Const.of(Evaluator.truthWithoutRow(function, principal, before));
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
            return Bound.Const.of(Evaluator.truthWithoutRow(compare, principal, before));
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
            return Bound.Const.of(Evaluator.truthWithoutRow(new Bound.In(value, list), principal, before));
        }
        Object items = Evaluator.valueWithoutRow(list, principal, before);
        if (!(items instanceof Collection<?> collection)) {
            return Bound.Const.FALSE;
        }
        List<Bound> alternatives = new ArrayList<>();
        for (Object item : collection) {
            Bound parameter = parameterFor(Values.normalize(item), list instanceof Bound.ConstList, value);
            if (parameter != null) {
                alternatives.add(new Bound.Compare(BinaryOperator.EQ, value, parameter));
            }
        }
        return alternatives.isEmpty() ? Bound.Const.FALSE
                : alternatives.size() == 1 ? alternatives.get(0) : new Bound.Or(alternatives);
    }

    private Bound stringFunction(Bound.StringFunction function) {
        if (isRowIndependent(function.text()) && isRowIndependent(function.search())) {
            return Bound.Const.of(Evaluator.truthWithoutRow(function, principal, before));
        }
        Bound text = isRowIndependent(function.text()) ? stringParameter(function.text()) : function.text();
        Bound search = isRowIndependent(function.search()) ? stringParameter(function.search()) : function.search();
        if (text == null || search == null) {
            return Bound.Const.FALSE;
        }
        return new Bound.StringFunction(function.function(), text, search, function.ignoreCase());
    }

    private Bound stringParameter(Bound external) {
        Object value = Values.coerce(Evaluator.valueWithoutRow(external, principal, before), ValueKind.STRING);
        if (value == null) {
            return null;
        }
        if (external instanceof Bound.Const) {
            return new Bound.Const(value, Type.STRING);
        }
        return parameter(value, Type.STRING, String.class);
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
        nextVariable += BoundRewriter.maxVariable(rule) + check.hops().size() + 1;
        Bound inlined = BoundRewriter.mapVariables(rule, variable -> variable + base);
        List<Attribute.ToOne> hops = check.hops();
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

    /** A principal's (or old row's) value compared with a row value: a parameter typed like the row side. */
    private Bound parameterFor(Bound external, Bound rowSide) {
        Object value = Evaluator.valueWithoutRow(external, principal, before);
        return parameterFor(value, external instanceof Bound.Const, rowSide);
    }

    private Bound parameterFor(Object value, boolean literal, Bound rowSide) {
        Object sqlValue = SqlValues.forColumnOf(rowSide, value);
        if (sqlValue == null) {
            return null;
        }
        Type type = rowSide.type();
        if (literal) {
            return new Bound.Const(sqlValue, type);
        }
        return parameter(sqlValue, type, SqlValues.javaTypeOf(rowSide));
    }

    private Bound parameter(Object value, Type type, Class<?> javaType) {
        parameters.add(value);
        return new Bound.Param(parameters.size() - 1, type, javaType);
    }

    private static boolean isExternal(Bound node) {
        return node instanceof Bound.AuthValue || node instanceof Bound.BeforeValue;
    }

    static boolean isRowIndependent(Bound node) {
        return node instanceof Bound.Const || node instanceof Bound.ConstList || isExternal(node);
    }
}
