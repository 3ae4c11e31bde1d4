package dev.rowguard.hibernate.internal;

import org.hibernate.metamodel.model.domain.IdentifiableDomainType;
import org.hibernate.metamodel.model.domain.SingularPersistentAttribute;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.from.SqmRoot;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmGroupedPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmJunctionPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.predicate.SqmWhereClause;

/**
 * Recognizes a select of one row by id: a single root whose {@code WHERE} holds, as one
 * of its top-level conjuncts, {@code root.id = :value} (Spring Data's {@code existsById},
 * JPQL by id). Such a statement reads through the row-driven form of the read filters. A
 * statement recognized wrongly only runs slower: both forms are the same condition.
 */
final class PointLookups {

    private PointLookups() {
    }

    static boolean byId(SqmSelectStatement<?> statement) {
        if (!(statement.getQueryPart() instanceof SqmQuerySpec<?> spec)) {
            return false;
        }
        if (spec.getFromClause().getRoots().size() != 1) {
            return false;
        }
        SqmWhereClause where = spec.getWhereClause();
        return where != null && where.getPredicate() != null
                && restrictsToId(where.getPredicate(), spec.getFromClause().getRoots().get(0));
    }

    private static boolean restrictsToId(SqmPredicate predicate, SqmRoot<?> root) {
        if (predicate instanceof SqmGroupedPredicate grouped) {
            return restrictsToId(grouped.getSubPredicate(), root);
        }
        if (predicate instanceof SqmJunctionPredicate junction && !junction.isNegated()
                && junction.getOperator() == jakarta.persistence.criteria.Predicate.BooleanOperator.AND) {
            return junction.getPredicates().stream().anyMatch(conjunct -> restrictsToId(conjunct, root));
        }
        return predicate instanceof SqmComparisonPredicate comparison && !comparison.isNegated()
                && comparison.getSqmOperator() == ComparisonOperator.EQUAL
                && (idOf(comparison.getLeftHandExpression(), root) && value(comparison.getRightHandExpression())
                        || idOf(comparison.getRightHandExpression(), root)
                                && value(comparison.getLeftHandExpression()));
    }

    private static boolean idOf(SqmExpression<?> expression, SqmRoot<?> root) {
        if (!(expression instanceof SqmPath<?> path) || path.getLhs() != root
                || !(root.getReferencedPathSource() instanceof IdentifiableDomainType<?> entity)) {
            return false; // (a CTE or derived root has no id)
        }
        SingularPersistentAttribute<?, ?> id = entity.findIdAttribute();
        return id != null && id.getName().equals(path.getReferencedPathSource().getPathName());
    }

    private static boolean value(SqmExpression<?> expression) {
        return expression instanceof SqmParameter<?> || expression instanceof SqmLiteral<?>;
    }

}
