package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.ForeignKeys;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;
import dev.rowguard.policy.internal.syntax.Quantifier;

import org.jspecify.annotations.Nullable;

/**
 * Writes a folded, hoisted condition as a PostgreSQL predicate. Negation is pushed to the
 * leaves so that every fragment is read positively by the one above it; each leaf has a
 * positive form (true exactly when the policy's two-valued result is true; SQL NULL
 * counts as false) and a negative form (true exactly when it is false). Parameters are
 * written through {@code placeholder} in the order recorded in {@link #parameterOrder()}.
 * A parameter is taken to hold a value unless {@code nullableParameter} says it may be
 * NULL (row-level security reads the principal's values in the database, where an absent
 * one is NULL), and subqueries read {@code tableSource} of each table (row-level security
 * reads related rows past their own policies).
 */
final class SqlWriter {

    private final DomainModel model;

    private final String rootAlias;

    private final IntFunction<String> placeholder;

    private final IntPredicate nullableParameter;

    private final UnaryOperator<String> tableSource;

    private final boolean rowDriven;

    private final List<Integer> parameterOrder = new ArrayList<>();

    private final StringBuilder sql = new StringBuilder();

    SqlWriter(DomainModel model, String rootAlias, IntFunction<String> placeholder) {
        this(model, rootAlias, placeholder, index -> false, UnaryOperator.identity(), false);
    }

    /**
     * @param rowDriven whether a related row is tested from the row at hand
     * ({@code EXISTS (SELECT 1 FROM target WHERE target.id = row.fk AND ...)}, a probe
     * per row: the form for one row by id) rather than as the set of related rows the
     * caller may see ({@code row.fk IN (SELECT id FROM target WHERE ...)}, built once:
     * the form for pages and counts). Both forms are the same condition.
     */
    SqlWriter(DomainModel model, String rootAlias, IntFunction<String> placeholder, boolean rowDriven) {
        this(model, rootAlias, placeholder, index -> false, UnaryOperator.identity(), rowDriven);
    }

    SqlWriter(DomainModel model, String rootAlias, IntFunction<String> placeholder, IntPredicate nullableParameter,
            UnaryOperator<String> tableSource) {
        this(model, rootAlias, placeholder, nullableParameter, tableSource, false);
    }

    private SqlWriter(DomainModel model, String rootAlias, IntFunction<String> placeholder,
            IntPredicate nullableParameter, UnaryOperator<String> tableSource, boolean rowDriven) {
        this.rowDriven = rowDriven;
        this.model = model;
        this.rootAlias = rootAlias;
        this.placeholder = placeholder;
        this.nullableParameter = nullableParameter;
        this.tableSource = tableSource;
    }

    List<Integer> parameterOrder() {
        return parameterOrder;
    }

    String write(Bound condition) {
        sql.setLength(0);
        condition(condition, true);
        return sql.toString();
    }

    /**
     * Appends the condition's positive or negative form: one builder for the whole text,
     * no copies of nested parts.
     */
    private void condition(Bound node, boolean positive) {
        if (node instanceof Bound.Const) {
            sql.append(writesTrue(node, positive) ? "TRUE" : "FALSE");
        }
        else if (node instanceof Bound.Not not) {
            condition(not.operand(), !positive);
        }
        else if (node instanceof Bound.And and) {
            junction(and.operands(), positive, positive ? " AND " : " OR ");
        }
        else if (node instanceof Bound.Or or) {
            junction(or.operands(), positive, positive ? " OR " : " AND ");
        }
        else if (node instanceof Bound.Compare compare) {
            sql.append(compare(compare, positive));
        }
        else if (node instanceof Bound.IsNull isNull) {
            sql.append(value(isNull.operand())).append(positive ? " IS NULL" : " IS NOT NULL");
        }
        else if (node instanceof Bound.In in) {
            sql.append(in(in, positive));
        }
        else if (node instanceof Bound.StringFunction function) {
            sql.append(stringFunction(function, positive));
        }
        else if (node instanceof Bound.Related related) {
            if (positive && !rowDriven) {
                relatedPositive(related);
            }
            else {
                relatedExists(related, positive);
            }
        }
        else if (node instanceof Bound.Quantified quantified) {
            quantified(quantified, positive);
        }
        else if (node instanceof Bound.Field || node instanceof Bound.Param) {
            String value = value(node);
            sql.append(positive ? value : "(" + value + " IS NOT TRUE)");
        }
        else {
            throw new IllegalStateException("Cannot write " + node + " as SQL");
        }
    }

    /**
     * Whether the condition's form is the literal {@code TRUE} (a constant; every other
     * form is a test).
     */
    private static boolean writesTrue(Bound node, boolean positive) {
        return node instanceof Bound.Const constant && Boolean.TRUE.equals(constant.value()) == positive;
    }

    private void junction(List<Bound> operands, boolean positive, String connective) {
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(connective);
            }
            condition(operands.get(i), positive);
        }
        sql.append(')');
    }

    private String compare(Bound.Compare compare, boolean positive) {
        String left = value(compare.left());
        String right = value(compare.right());
        TemporalType leftTime = TemporalType.ofOperand(compare.left());
        TemporalType rightTime = TemporalType.ofOperand(compare.right());
        if (leftTime == TemporalType.TIMESTAMPTZ && rightTime != null) {
            left = rightTime.fromTimestamptz(left);
        }
        else if (rightTime == TemporalType.TIMESTAMPTZ && leftTime != null) {
            right = leftTime.fromTimestamptz(right);
        }
        boolean collate = compare.operator().isOrdering() && isString(compare.left(), compare.right());
        String suffix = collate ? " COLLATE \"C\"" : "";
        BinaryOperator operator = positive ? compare.operator() : negation(compare.operator());
        String test = left + suffix + " " + sqlOperator(operator) + " " + right + suffix;
        return positive ? test : orNull(test, compare.left(), compare.right());
    }

    /**
     * Only list-valued parameters remain as {@code in} after folding; the filter expands
     * them.
     */
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

    /**
     * {@code fk IN (SELECT id FROM target WHERE ...)}; the condition's disjuncts become
     * UNION ALL branches.
     */
    private void relatedPositive(Bound.Related related) {
        sql.append(alias(related.variable())).append('.').append(related.relation().foreignKeyColumn()).append(" IN (");
        List<Bound> branches = Branches.of(related.condition());
        for (int i = 0; i < branches.size(); i++) {
            if (i > 0) {
                sql.append(" UNION ALL ");
            }
            relatedBranch(related, branches.get(i));
        }
        sql.append(')');
    }

    private void relatedBranch(Bound.Related related, Bound branch) {
        EntityModel target = model.entity(related.relation().targetEntity());
        Bound.Quantified quantified = membersAlone(related, branch);
        if (quantified != null) {
            // target.id IN (SELECT m.fk FROM member m WHERE ...): the target table itself
            // is not needed
            EntityModel element = model.entity(quantified.relation().targetEntity());
            String alias = alias(quantified.elementVariable());
            sql.append("SELECT ")
                .append(alias)
                .append('.')
                .append(quantified.relation().targetForeignKeyColumn())
                .append(" FROM ")
                .append(tableSource.apply(element.table()))
                .append(' ')
                .append(alias);
            where(quantified.condition());
            return;
        }
        String alias = alias(related.relatedVariable());
        sql.append("SELECT ")
            .append(alias)
            .append('.')
            .append(target.requiredId().column())
            .append(" FROM ")
            .append(tableSource.apply(target.table()))
            .append(' ')
            .append(alias);
        where(branch);
    }

    /**
     * A branch that asks only for some member of the related row
     * ({@code rel.members?[...]}, not reading the related row itself), or null: its
     * members can be looked up by the foreign key without the related row's table (the
     * members' own foreign key says the row exists).
     */
    private static Bound.@Nullable Quantified membersAlone(Bound.Related related, Bound branch) {
        if (branch instanceof Bound.Quantified quantified && quantified.quantifier() == Quantifier.SOME
                && quantified.variable() == related.relatedVariable() && quantified.relation().joinTable() == null
                && quantified.relation().correlated() && !uses(quantified.condition(), related.relatedVariable())) {
            return quantified;
        }
        return null;
    }

    /**
     * {@code EXISTS} / {@code NOT EXISTS (SELECT 1 FROM target WHERE target.id = fk AND
     * ...)}. Row-driven, a disjunct that asks only for members of the related row probes
     * the members by the foreign key instead, one that asks only for the related row's id
     * compares the foreign key, one test per disjunct.
     */
    private void relatedExists(Bound.Related related, boolean positive) {
        List<Bound> disjuncts = !rowDriven ? List.of()
                : related.condition() instanceof Bound.Or or ? or.operands() : List.of(related.condition());
        if (disjuncts.stream()
            .anyMatch(disjunct -> membersAlone(related, disjunct) != null
                    || foreignKeyCompared(related, disjunct) != null)) {
            sql.append('(');
            for (int i = 0; i < disjuncts.size(); i++) {
                if (i > 0) {
                    sql.append(positive ? " OR " : " AND ");
                }
                Bound.Quantified members = membersAlone(related, disjuncts.get(i));
                Bound.Compare byForeignKey = foreignKeyCompared(related, disjuncts.get(i));
                if (members != null) {
                    membersExist(related, members, positive);
                }
                else if (byForeignKey != null) {
                    sql.append(compare(byForeignKey, positive));
                }
                else {
                    relatedExists(related, disjuncts.get(i), positive);
                }
            }
            sql.append(')');
        }
        else {
            relatedExists(related, related.condition(), positive);
        }
    }

    /**
     * A disjunct that asks only whether the related row's id equals a value, as that test
     * of the foreign key ({@code row.fk = ?}), or null: the related row is not read (the
     * schema's foreign key says a row with that id exists, as it does for
     * {@link #membersAlone}).
     */
    private Bound.@Nullable Compare foreignKeyCompared(Bound.Related related, Bound disjunct) {
        if (!(disjunct instanceof Bound.Compare compare) || compare.operator() != BinaryOperator.EQ) {
            return null;
        }
        Attribute.Scalar targetId = model.entity(related.relation().targetEntity()).requiredId();
        Bound.Field id = new Bound.Field(related.relatedVariable(), List.of(), targetId);
        Bound value = compare.left().equals(id) ? compare.right() : compare.right().equals(id) ? compare.left() : null;
        if (!(value instanceof Bound.Param) && !(value instanceof Bound.Const constant && constant.value() != null)) {
            return null;
        }
        return new Bound.Compare(BinaryOperator.EQ,
                new Bound.Field(related.variable(), List.of(), ForeignKeys.asScalar(related.relation(), targetId)),
                value);
    }

    /** {@code EXISTS (SELECT 1 FROM member m WHERE m.fk = row.fk AND ...)}. */
    private void membersExist(Bound.Related related, Bound.Quantified members, boolean positive) {
        EntityModel element = model.entity(members.relation().targetEntity());
        // membersAlone: a to-many without a join table, so its elements hold the foreign
        // key
        String foreignKey = java.util.Objects.requireNonNull(members.relation().targetForeignKeyColumn());
        probe(positive, element.table(), alias(members.elementVariable()), foreignKey, related, members.condition());
    }

    private void relatedExists(Bound.Related related, Bound condition, boolean positive) {
        EntityModel target = model.entity(related.relation().targetEntity());
        probe(positive, target.table(), alias(related.relatedVariable()), target.requiredId().column(), related,
                condition);
    }

    /**
     * {@code [NOT] EXISTS (SELECT 1 FROM table alias WHERE alias.column = row.fk AND
     * condition)}: rows of a table probed by the related row's foreign key.
     */
    private void probe(boolean positive, String table, String alias, String column, Bound.Related related,
            Bound condition) {
        sql.append(positive ? "EXISTS (SELECT 1 FROM " : "NOT EXISTS (SELECT 1 FROM ")
            .append(tableSource.apply(table))
            .append(' ')
            .append(alias)
            .append(" WHERE ")
            .append(alias)
            .append('.')
            .append(column)
            .append(" = ")
            .append(alias(related.variable()))
            .append('.')
            .append(related.relation().foreignKeyColumn());
        and(condition, true);
        sql.append(')');
    }

    /**
     * some: EXISTS(c) / NOT EXISTS(c); every: NOT EXISTS(not c) / EXISTS(not c); none:
     * NOT EXISTS(c) / EXISTS(c).
     */
    private void quantified(Bound.Quantified quantified, boolean positive) {
        Quantifier quantifier = quantified.quantifier();
        boolean exists = quantifier == Quantifier.SOME ? positive : !positive;
        sql.append(exists ? "EXISTS (" : "NOT EXISTS (").append(elements(quantified));
        and(quantified.condition(), quantifier != Quantifier.EVERY);
        sql.append(')');
    }

    private String elements(Bound.Quantified quantified) {
        Attribute.ToMany relation = quantified.relation();
        EntityModel element = model.entity(relation.targetEntity());
        String alias = alias(quantified.elementVariable());
        if (!relation.correlated()) {
            return "SELECT 1 FROM " + tableSource.apply(element.table()) + " " + alias + " WHERE TRUE";
        }
        EntityModel owner = owner(quantified);
        String ownerId = alias(quantified.variable()) + "." + owner.requiredId().column();
        if (relation.joinTable() == null) {
            return "SELECT 1 FROM " + tableSource.apply(element.table()) + " " + alias + " WHERE " + alias + "."
                    + relation.targetForeignKeyColumn() + " = " + ownerId;
        }
        Attribute.JoinTable join = relation.joinTable();
        String link = alias + "_link";
        return "SELECT 1 FROM " + tableSource.apply(join.table()) + " " + link + " JOIN "
                + tableSource.apply(element.table()) + " " + alias + " ON " + alias + "."
                + element.requiredId().column() + " = " + link + "." + join.targetColumn() + " WHERE " + link + "."
                + join.ownerColumn() + " = " + ownerId;
    }

    private EntityModel owner(Bound.Quantified quantified) {
        for (EntityModel entity : model.entities()) {
            if (entity.attributes().containsValue(quantified.relation())
                    || entity.attributes().get(quantified.relation().name()) instanceof Attribute.InverseToOne inverse
                            && inverse.asToMany().equals(quantified.relation())) {
                return entity;
            }
        }
        throw new IllegalStateException("No entity owns " + quantified.relation().name());
    }

    private void where(Bound condition) {
        if (!Bound.Const.TRUE.equals(condition)) {
            sql.append(" WHERE ");
            condition(condition, true);
        }
    }

    /** {@code AND} and the condition's form, unless that is {@code TRUE}. */
    private void and(Bound condition, boolean positive) {
        if (!writesTrue(condition, positive)) {
            sql.append(" AND ");
            condition(condition, positive);
        }
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

    /**
     * The negative form of a test that is NULL when an operand is NULL: true in that case
     * too.
     */
    private String orNull(String test, Bound... operands) {
        StringBuilder sql = new StringBuilder("(").append(test);
        for (Bound operand : operands) {
            if (mayBeNull(operand)) {
                sql.append(" OR ").append(value(operand)).append(" IS NULL");
            }
        }
        return sql.append(")").toString();
    }

    private boolean mayBeNull(Bound operand) {
        return (operand instanceof Bound.Field field && field.attribute().nullable())
                || (operand instanceof Bound.Param param && nullableParameter.test(param.index()));
    }

    private String alias(int variable) {
        return variable == 0 ? rootAlias : "rg" + variable;
    }

    private static boolean isString(Bound left, Bound right) {
        return left.type().is(ValueKind.STRING) || right.type().is(ValueKind.STRING);
    }

    private static boolean uses(Bound node, int variable) {
        return BoundRewriter.anyNode(node,
                n -> (n instanceof Bound.Field f && f.variable() == variable)
                        || (n instanceof Bound.Quantified q && q.variable() == variable)
                        || (n instanceof Bound.Related r && r.variable() == variable));
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
