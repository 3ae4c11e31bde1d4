package dev.rowguard.hibernate.internal;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.BaseSqmToSqlAstConverter;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.spi.SqlAstTreeHelper;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.delete.DeleteStatement;
import org.hibernate.sql.ast.tree.expression.SelfRenderingExpression;
import org.hibernate.sql.ast.tree.from.NamedTableReference;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.predicate.SelfRenderingPredicate;
import org.hibernate.sql.ast.tree.update.UpdateStatement;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's translation of a bulk update or delete, with the caller's
 * {@link BulkRestriction} added to the statement's restriction, on the target table as
 * the statement names it.
 */
final class RestrictedMutationTranslator extends BaseSqmToSqlAstConverter<MutationStatement> {

    private final BulkRestriction restriction;

    RestrictedMutationTranslator(SqlAstCreationContext creationContext, SqmStatement<?> statement,
            QueryOptions queryOptions, LoadQueryInfluencers influencers, DomainParameterXref xref,
            QueryParameterBindings bindings, BulkRestriction restriction) {
        super(creationContext, statement, queryOptions, influencers, xref, bindings, false);
        this.restriction = restriction;
    }

    @Override
    public DeleteStatement visitDeleteStatement(SqmDeleteStatement<?> sqmStatement) {
        DeleteStatement statement = super.visitDeleteStatement(sqmStatement);
        return new DeleteStatement(statement, statement.getTargetTable(), statement.getMutationTarget(),
                statement.getFromClause(), restricted(statement.getRestriction(), statement.getTargetTable()),
                statement.getReturningColumns());
    }

    @Override
    public UpdateStatement visitUpdateStatement(SqmUpdateStatement<?> sqmStatement) {
        UpdateStatement statement = super.visitUpdateStatement(sqmStatement);
        return new UpdateStatement(statement, statement.getTargetTable(), statement.getMutationTarget(),
                statement.getFromClause(), statement.getAssignments(),
                restricted(statement.getRestriction(), statement.getTargetTable()), statement.getReturningColumns());
    }

    private Predicate restricted(Predicate restriction, NamedTableReference target) {
        String alias = target.getIdentificationVariable();
        String sql = this.restriction.sql(alias == null || alias.isEmpty() ? target.getTableExpression() : alias);
        return SqlAstTreeHelper.combinePredicates(restriction, new SelfRenderingPredicate(new Condition(sql)));
    }

    private record Condition(String sql) implements SelfRenderingExpression {

        @Override
        public void renderToSql(SqlAppender appender, SqlAstTranslator<?> walker,
                SessionFactoryImplementor sessionFactory) {
            appender.appendSql(sql);
        }

        @Override
        public @Nullable JdbcMappingContainer getExpressionType() {
            return null;
        }

    }

}
