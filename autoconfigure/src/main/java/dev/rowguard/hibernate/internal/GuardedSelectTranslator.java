package dev.rowguard.hibernate.internal;

import java.util.function.Consumer;

import dev.rowguard.context.CallerContext;

import org.hibernate.dialect.function.SqlColumn;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.SemanticException;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.internal.StandardSqmTranslator;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's translation of a select, refusing HQL's {@code column(e.salary)} while
 * fields have read rules: it writes the bare column, past the read expression that masks
 * the field. The function is recognised where it is translated, so a statement without it
 * costs nothing.
 */
class GuardedSelectTranslator extends StandardSqmTranslator<SelectStatement> {

    private final boolean refusesRawColumns;

    GuardedSelectTranslator(SqmSelectStatement<?> statement, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings bindings, LoadQueryInfluencers influencers,
            SqlAstCreationContext creationContext, boolean deduplicateSelectionItems) {
        super(statement, queryOptions, domainParameterXref, bindings, influencers, creationContext,
                deduplicateSelectionItems);
        this.refusesRawColumns = refusesRawColumns(creationContext);
    }

    static boolean refusesRawColumns(SqlAstCreationContext creationContext) {
        PolicyRuntime runtime = PolicyRuntimes.of(creationContext.getSessionFactory());
        return runtime != null && runtime.masksFields() && !CallerContext.current().system();
    }

    // where to keep the translation once made (null: nowhere)
    private @Nullable Consumer<SqmTranslation<SelectStatement>> keeper;

    /** Hands the translation, once made, to {@code keeper}. */
    void keepIn(Consumer<SqmTranslation<SelectStatement>> keeper) {
        this.keeper = keeper;
    }

    @Override
    public SqmTranslation<SelectStatement> translate() {
        SqmTranslation<SelectStatement> translation = super.translate();
        Consumer<SqmTranslation<SelectStatement>> target = keeper;
        if (target == null) {
            return translation;
        }
        SqmTranslation<SelectStatement> kept = KeptSelect.of(translation);
        target.accept(kept);
        return kept;
    }

    @Override
    public Expression visitFunction(SqmFunction<?> function) {
        if (refusesRawColumns && function.getFunctionDescriptor() instanceof SqlColumn) {
            throw rawColumnRefused();
        }
        return super.visitFunction(function);
    }

    static SemanticException rawColumnRefused() {
        return new SemanticException("Rowguard refuses HQL's column() function while fields have read rules: it reads"
                + " a column past them. Name the attribute instead, or run the query in Rowguard.asSystem.");
    }

}
