package dev.rowguard.hibernate.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.dialect.function.SqlFunction;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.Literal;

/**
 * Carries a {@link BulkRestriction} into a bulk statement Hibernate runs over several
 * tables, where Rowguard reaches only the statement's SQM: the caller's rules as SQL with
 * the statement's id in place of each {@code ?}. It renders only SQL Rowguard issued on
 * this thread for the statement being built, so a query naming the function itself gets
 * an error, never SQL of its own.
 */
final class BulkRestrictionFunction extends SqlFunction {

    static final String NAME = "rowguard_restriction";

    private static final ThreadLocal<Set<String>> issued = ThreadLocal.withInitial(HashSet::new);

    static void issue(String sql) {
        issued.get().add(sql);
    }

    /** Forgets what was issued, once the statement is built. */
    static void forget() {
        issued.remove();
    }

    @Override
    public void render(SqlAppender sqlAppender, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
            SqlAstTranslator<?> walker) {
        if (!(arguments.get(0) instanceof Literal pattern) || !issued.get().contains(pattern.getLiteralValue())) {
            throw new IllegalStateException("Rowguard: " + NAME + "() is Rowguard's own and takes only the SQL it"
                    + " issues for a bulk statement");
        }
        super.render(sqlAppender, arguments, returnType, walker);
    }

}
