package dev.rowguard.hibernate.internal;

import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.StandardSqmTranslation;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcSelect;
import org.jspecify.annotations.Nullable;

/**
 * The SQL AST of a select Rowguard keeps ({@link CallerTranslations}), with the SQL last
 * rendered from it. Hibernate renders a select's SQL on every execution unless its own
 * plan cache holds the plan, which it never does while a filter is enabled; a kept
 * select's rendering is kept with it instead ({@link KeptSelectRendering}) and reused
 * under the same conditions Hibernate reuses a cached plan's: no lock, and
 * {@link JdbcSelect#isCompatibleWith} the execution's bindings and limits.
 */
final class KeptSelect extends SelectStatement {

    private volatile @Nullable Rendered rendered;

    private KeptSelect(SelectStatement translated) {
        super(translated, translated.getQueryPart(), translated.getDomainResultDescriptors());
    }

    /** The translation with its AST wrapped so that its rendering can be kept. */
    static SqmTranslation<SelectStatement> of(SqmTranslation<SelectStatement> translation) {
        return new StandardSqmTranslation<>(new KeptSelect(translation.getSqlAst()),
                translation.getJdbcParamsBySqmParam(), translation.getSqmParameterMappingModelTypeResolutions(),
                translation.getSqlExpressionResolver(), translation.getFromClauseAccess());
    }

    /** The kept rendering, if it serves this execution. */
    @Nullable JdbcSelect renderedFor(JdbcParameterBindings bindings, QueryOptions options) {
        Rendered last = rendered;
        return last != null && servesAsKept(options) && last.scroll() == options.isScrollExecution()
                && last.select().isCompatibleWith(bindings, options) ? last.select() : null;
    }

    void keep(JdbcSelect select, QueryOptions options) {
        if (servesAsKept(options)) {
            rendered = new Rendered(select, options.isScrollExecution());
        }
    }

    private static boolean servesAsKept(QueryOptions options) {
        return options.getLockOptions().isEmpty();
    }

    private record Rendered(JdbcSelect select, boolean scroll) {
    }

}
