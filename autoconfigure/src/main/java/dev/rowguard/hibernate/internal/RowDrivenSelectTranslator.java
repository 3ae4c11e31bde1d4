package dev.rowguard.hibernate.internal;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Hibernate's translation of a select of one row by id ({@link PointLookups}), made while
 * the session reads through the row-driven form of its filters: the filters' conditions
 * and values are taken into the statement during translation.
 */
final class RowDrivenSelectTranslator extends GuardedSelectTranslator {

    private final SessionCaller caller;

    RowDrivenSelectTranslator(SqmSelectStatement<?> statement, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings bindings, LoadQueryInfluencers influencers,
            SqlAstCreationContext creationContext, boolean deduplicateSelectionItems, SessionCaller caller) {
        super(statement, queryOptions, domainParameterXref, bindings, influencers, creationContext,
                deduplicateSelectionItems);
        this.caller = caller;
    }

    @Override
    public SqmTranslation<SelectStatement> translate() {
        try (SessionCaller.RowDrivenScope scope = caller.rowDriven()) {
            return super.translate();
        }
    }

}
