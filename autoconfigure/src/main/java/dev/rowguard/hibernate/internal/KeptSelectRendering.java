package dev.rowguard.hibernate.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.model.jdbc.JdbcMutationOperation;
import org.hibernate.sql.exec.spi.JdbcOperationQueryMutation;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcSelect;
import org.hibernate.sql.model.ast.TableMutation;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.jspecify.annotations.Nullable;

/**
 * The dialect's SQL AST translators, with a {@link KeptSelect}'s SQL rendered once and
 * handed out again while it serves (the rendering of an SQL AST was a sixth of an
 * enforced {@code existsById}). Every other statement goes to the dialect's translator as
 * it is.
 */
public final class KeptSelectRendering implements SqlAstTranslatorFactory {

    private static final Method TRANSLATE;

    static {
        try {
            TRANSLATE = SqlAstTranslator.class.getMethod("translate", JdbcParameterBindings.class, QueryOptions.class);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException("Hibernate's SqlAstTranslator has no translate(bindings, options)", ex);
        }
    }

    private final SqlAstTranslatorFactory dialects;

    private final AtomicInteger renderedKeptSelects = new AtomicInteger();

    KeptSelectRendering(SqlAstTranslatorFactory dialects) {
        this.dialects = dialects;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SqlAstTranslator<JdbcSelect> buildSelectTranslator(SessionFactoryImplementor factory,
            SelectStatement statement) {
        if (!(statement instanceof KeptSelect kept)) {
            return dialects.buildSelectTranslator(factory, statement);
        }
        return (SqlAstTranslator<JdbcSelect>) Proxy.newProxyInstance(SqlAstTranslator.class.getClassLoader(),
                new Class<?>[] { SqlAstTranslator.class }, new KeptHandler(factory, kept));
    }

    @Override
    public SqlAstTranslator<? extends JdbcOperationQueryMutation> buildMutationTranslator(
            SessionFactoryImplementor factory, MutationStatement statement) {
        return dialects.buildMutationTranslator(factory, statement);
    }

    @Override
    public <O extends JdbcMutationOperation> SqlAstTranslator<O> buildModelMutationTranslator(TableMutation<O> mutation,
            SessionFactoryImplementor factory) {
        return dialects.buildModelMutationTranslator(mutation, factory);
    }

    /** How many times a kept select's SQL was rendered, for tests. */
    public int renderedKeptSelects() {
        return renderedKeptSelects.get();
    }

    /**
     * Serves {@code translate} from the kept rendering; builds the dialect's translator
     * only when it must render, or when asked anything else.
     */
    private final class KeptHandler implements InvocationHandler {

        private final SessionFactoryImplementor factory;

        private final KeptSelect kept;

        private @Nullable SqlAstTranslator<JdbcSelect> translator;

        KeptHandler(SessionFactoryImplementor factory, KeptSelect kept) {
            this.factory = factory;
            this.kept = kept;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] arguments) throws Throwable {
            if (method.equals(TRANSLATE)) {
                JdbcParameterBindings bindings = (JdbcParameterBindings) arguments[0];
                QueryOptions options = (QueryOptions) arguments[1];
                JdbcSelect rendered = kept.renderedFor(bindings, options);
                if (rendered == null) {
                    rendered = translator().translate(bindings, options);
                    renderedKeptSelects.incrementAndGet();
                    kept.keep(rendered, options);
                }
                return rendered;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "rendering of a kept select";
                };
            }
            try {
                return method.invoke(translator(), arguments);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }

        private SqlAstTranslator<JdbcSelect> translator() {
            SqlAstTranslator<JdbcSelect> built = translator;
            if (built == null) {
                built = dialects.buildSelectTranslator(factory, kept);
                translator = built;
            }
            return built;
        }

    }

}
