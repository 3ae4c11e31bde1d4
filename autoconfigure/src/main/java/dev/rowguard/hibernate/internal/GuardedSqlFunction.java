package dev.rowguard.hibernate.internal;

import java.util.List;

import dev.rowguard.context.CallerContext;

import org.hibernate.dialect.function.SqlFunction;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;

/**
 * HQL's {@code sql('...')} passes a fragment of SQL through as it is, so it can read a
 * protected table without its filter. It is rendered only for the system context: for any
 * other caller the statement fails before it is sent.
 */
final class GuardedSqlFunction extends SqlFunction {

    static final String NAME = "sql";

    @Override
    public void render(SqlAppender sqlAppender, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
            SqlAstTranslator<?> walker) {
        if (!CallerContext.current().system()) {
            throw new IllegalStateException("Rowguard: HQL's sql() function passes SQL through without the row"
                    + " filters, so it runs only in Rowguard.asSystem. Write the condition in HQL, or run the query"
                    + " in Rowguard.asSystem if it is not on behalf of a user.");
        }
        super.render(sqlAppender, arguments, returnType, walker);
    }

}
