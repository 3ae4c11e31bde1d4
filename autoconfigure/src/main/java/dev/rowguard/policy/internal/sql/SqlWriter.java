package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;
import dev.rowguard.policy.internal.syntax.Quantifier;

/**
 * Writes a folded, hoisted condition as a PostgreSQL predicate. Negation is pushed to the
 * leaves so that every fragment is read positively by the one above it; each leaf has a
 * positive form (true exactly when the policy's two-valued result is true; SQL NULL counts as
 * false) and a negative form (true exactly when it is false). Parameters are written through
 * {@code placeholder} in the order recorded in {@link #parameterOrder()}.
 */
final class SqlWriter {

    private final DomainModel model;
    private final String rootAlias;
    private final IntFunction<String> placeholder;
    private final List<Integer> parameterOrder = new ArrayList<>();

    SqlWriter(DomainModel model, String rootAlias, IntFunction<String> placeholder) {
        this.model = model;
        this.rootAlias = rootAlias;
        this.placeholder = placeholder;
    }

    List<Integer> parameterOrder() {
        return parameterOrder;
    }

    String write(Bound condition) {
        return condition(condition, true);
    }

    private String condition(Bound node, boolean positive) {
        if (node instanceof Bound.Const constant) {
            return Boolean.TRUE.equals(constant.value()) == positive ? "TRUE" : "FALSE";
        }
        if (node instanceof Bound.Not not) {
            return condition(not.operand(), !positive);
        }
        if (node instanceof Bound.And and) {
            return junction(and.operands(), positive, positive ? " AND " : " OR ");
        }
        if (node instanceof Bound.Or or) {
            return junction(or.operands(), positive, positive ? " OR " : " AND ");
        }
        if (node instanceof Bound.Compare compare) {
            return compare(compare, positive);
        }
        if (node instanceof Bound.IsNull isNull) {
            return value(isNull.operand()) + (positive ? " IS NULL" : " IS NOT NULL");
        }
        if (node instanceof Bound.In in) {
            return in(in, positive);
        }
        if (node instanceof Bound.StringFunction function) {
            return stringFunction(function, positive);
        }
        if (node instanceof Bound.Related related) {
            return positive ? relatedPositive(related) : relatedNegative(related);
        }
        if (node instanceof Bound.Quantified quantified) {
            return quantified(quantified, positive);
        }
        if (node instanceof Bound.Field field) {
            String column = value(field);
            return positive ? column : "(" + column + " IS NOT TRUE)";
        }
        throw new IllegalStateException("Cannot write " + node + " as SQL");
    }

    private String junction(List<Bound> operands, boolean positive, String connective) {
        List<String> parts = new ArrayList<>();
        for (Bound operand : operands) {
            parts.add(condition(operand, positive));
        }
        return "(" + String.join(connective, parts) + ")";
    }

    private String compare(Bound.Compare compare, boolean positive) {
        String left = value(compare.left());
        String right = value(compare.right());
        boolean collate = compare.operator().isOrdering() && isString(compare.left(), compare.right());
        String suffix = collate ? " COLLATE \"C\"" : "";
        BinaryOperator operator = positive ? compare.operator() : negation(compare.operator());
        String test = left + suffix + " " + sqlOperator(operator) + " " + right + suffix;
        return positive ? test : orNull(test, compare.left(), compare.right());
    }

    /** Only list-valued parameters remain as {@code in} after folding; the filter expands them. */
    private String in(Bound.In in, boolean positive) {
        String value = value(in.value());
        String list = value(in.list());
        if (positive) {
            return value + " IN (" + list + ")";
        }
        return orNull(value + " NOT IN (" + list + ")", in.value());
    }

    private String stringFunction(Bound.StringFunction function, boolean positive) {
        String text = value(function.text());
        String search = value(function.search());
        if (function.ignoreCase()) {
            text = "lower(" + text + ")";
            search = "lower(" + search + ")";
        }
        String test = switch (function.function()) {
            case CONTAINS -> "strpos(" + text + ", " + search + ") > 0";
            case STARTS_WITH -> "starts_with(" + text + ", " + search + ")";
            case ENDS_WITH -> "right(" + text + ", length(" + value(function.search()) + ")) = " + search;
        };
        return positive ? test : orNull("NOT (" + test + ")", function.text(), function.search());
    }

    /** {@code fk IN (SELECT id FROM target WHERE ...)}; the condition's disjuncts become UNION ALL branches. */
    private String relatedPositive(Bound.Related related) {
        List<Bound> branches = Branches.of(related.condition());
        List<String> selects = new ArrayList<>();
        for (Bound branch : branches) {
            selects.add(relatedBranch(related, branch));
        }
        return alias(related.variable()) + "." + related.relation().foreignKeyColumn() + " IN ("
                + String.join(" UNION ALL ", selects) + ")";
    }

    private String relatedBranch(Bound.Related related, Bound branch) {
        EntityModel target = model.entity(related.relation().targetEntity());
        if (branch instanceof Bound.Quantified quantified && quantified.quantifier() == Quantifier.SOME
                && quantified.variable() == related.relatedVariable() && quantified.relation().joinTable() == null
                && !uses(quantified.condition(), related.relatedVariable())) {
            // target.id IN (SELECT m.fk FROM member m WHERE ...): the target table itself is not needed
            EntityModel element = model.entity(quantified.relation().targetEntity());
            String alias = alias(quantified.elementVariable());
            return "SELECT " + alias + "." + quantified.relation().targetForeignKeyColumn() + " FROM " + element.table()
                    + " " + alias + where(quantified.condition(), true);
        }
        String alias = alias(related.relatedVariable());
        return "SELECT " + alias + "." + target.id().column() + " FROM " + target.table() + " " + alias
                + where(branch, true);
    }

    private String relatedNegative(Bound.Related related) {
        EntityModel target = model.entity(related.relation().targetEntity());
        String alias = alias(related.relatedVariable());
        String condition = condition(related.condition(), true);
        return "NOT EXISTS (SELECT 1 FROM " + target.table() + " " + alias + " WHERE " + alias + "."
                + target.id().column() + " = " + alias(related.variable()) + "." + related.relation().foreignKeyColumn()
                + and(condition) + ")";
    }

    /**
     * some: EXISTS(c) / NOT EXISTS(c); every: NOT EXISTS(not c) / EXISTS(not c);
     * none: NOT EXISTS(c) / EXISTS(c).
     */
    private String quantified(Bound.Quantified quantified, boolean positive) {
        Quantifier quantifier = quantified.quantifier();
        boolean exists = quantifier == Quantifier.SOME ? positive : !positive;
        String condition = condition(quantified.condition(), quantifier != Quantifier.EVERY);
        return (exists ? "EXISTS (" : "NOT EXISTS (") + elements(quantified) + and(condition) + ")";
    }

    private String elements(Bound.Quantified quantified) {
        Attribute.ToMany relation = quantified.relation();
        EntityModel owner = owner(quantified);
        EntityModel element = model.entity(relation.targetEntity());
        String alias = alias(quantified.elementVariable());
        String ownerId = alias(quantified.variable()) + "." + owner.id().column();
        if (relation.joinTable() == null) {
            return "SELECT 1 FROM " + element.table() + " " + alias + " WHERE " + alias + "."
                    + relation.targetForeignKeyColumn() + " = " + ownerId;
        }
        Attribute.JoinTable join = relation.joinTable();
        String link = alias + "_link";
        return "SELECT 1 FROM " + join.table() + " " + link + " JOIN " + element.table() + " " + alias + " ON " + alias
                + "." + element.id().column() + " = " + link + "." + join.targetColumn() + " WHERE " + link + "."
                + join.ownerColumn() + " = " + ownerId;
    }

    private EntityModel owner(Bound.Quantified quantified) {
        for (EntityModel entity : model.entities()) {
            if (entity.attributes().containsValue(quantified.relation())) {
                return entity;
            }
        }
        throw new IllegalStateException("No entity owns " + quantified.relation().name());
    }

    private String where(Bound condition, boolean positive) {
        if (Bound.Const.TRUE.equals(condition)) {
            return "";
        }
        return " WHERE " + condition(condition, positive);
    }

    private static String and(String condition) {
        return condition.equals("TRUE") ? "" : " AND " + condition;
    }

    private String value(Bound node) {
        if (node instanceof Bound.Field field) {
            if (!field.hops().isEmpty()) {
                throw new IllegalStateException("Hops must be hoisted before writing SQL: " + field);
            }
            return alias(field.variable()) + "." + field.attribute().column();
        }
        if (node instanceof Bound.Param param) {
            parameterOrder.add(param.index());
            return placeholder.apply(param.index());
        }
        if (node instanceof Bound.Const constant) {
            return SqlValues.literal(constant.value());
        }
        if (node instanceof Bound.Now) {
            return "CURRENT_TIMESTAMP";
        }
        throw new IllegalStateException("Cannot write " + node + " as a SQL value");
    }

    /** The negative form of a test that is NULL when an operand is NULL: true in that case too. */
    private String orNull(String test, Bound... operands) {
        StringBuilder sql = new StringBuilder("(").append(test);
        for (Bound operand : operands) {
            if (mayBeNull(operand)) {
                sql.append(" OR ").append(value(operand)).append(" IS NULL");
            }
        }
        return sql.append(")").toString();
    }

    private static boolean mayBeNull(Bound operand) {
        return operand instanceof Bound.Field field && field.attribute().nullable();
    }

    private String alias(int variable) {
        return variable == 0 ? rootAlias : "rg" + variable;
    }

    private static boolean isString(Bound left, Bound right) {
        return left.type().is(ValueKind.STRING) || right.type().is(ValueKind.STRING);
    }

    private static boolean uses(Bound node, int variable) {
        boolean[] found = { false };
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                if ((n instanceof Bound.Field f && f.variable() == variable)
                        || (n instanceof Bound.Quantified q && q.variable() == variable)
                        || (n instanceof Bound.Related r && r.variable() == variable)) {
                    found[0] = true;
                }
                return rewriteChildren(n);
            }
        }.rewrite(node);
        return found[0];
    }

    private static BinaryOperator negation(BinaryOperator operator) {
        return switch (operator) {
            case EQ -> BinaryOperator.NE;
            case NE -> BinaryOperator.EQ;
            case LT -> BinaryOperator.GE;
            case LE -> BinaryOperator.GT;
            case GT -> BinaryOperator.LE;
            case GE -> BinaryOperator.LT;
            default -> throw new IllegalArgumentException(operator.name());
        };
    }

    private static String sqlOperator(BinaryOperator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            default -> operator.symbol();
        };
    }
}
