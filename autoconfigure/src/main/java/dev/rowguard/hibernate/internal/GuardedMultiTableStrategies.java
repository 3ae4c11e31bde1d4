package dev.rowguard.hibernate.internal;

import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.internal.SqmMultiTableMutationStrategyProviderStandard;
import org.hibernate.query.sqm.mutation.spi.MultiTableHandlerBuildResult;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate runs a bulk {@code update}, {@code delete} or {@code insert} on an entity
 * spanning several tables ({@code @SecondaryTable}, joined and table-per-class
 * inheritance) through a multi-table strategy instead of the query translator, so
 * {@link BulkMutationGuard} would never see it. This provider hands out Hibernate's own
 * strategies (as configured, or the dialect's) wrapped so that an update or delete gets
 * the caller's rules as a predicate of its own, and an insert the same check, before any
 * statement is built.
 */
final class GuardedMultiTableStrategies implements SqmMultiTableMutationStrategyProvider {

    private final SqmMultiTableMutationStrategyProvider standard = new SqmMultiTableMutationStrategyProviderStandard();

    @Override
    public @Nullable SqmMultiTableMutationStrategy createMutationStrategy(EntityMappingType rootEntityDescriptor,
            MappingModelCreationProcess creationProcess) {
        SqmMultiTableMutationStrategy delegate = standard.createMutationStrategy(rootEntityDescriptor, creationProcess);
        return delegate == null ? null : new GuardedMutationStrategy(delegate);
    }

    @Override
    public @Nullable SqmMultiTableInsertStrategy createInsertStrategy(EntityMappingType rootEntityDescriptor,
            MappingModelCreationProcess creationProcess) {
        SqmMultiTableInsertStrategy delegate = standard.createInsertStrategy(rootEntityDescriptor, creationProcess);
        return delegate == null ? null : new GuardedInsertStrategy(delegate);
    }

    private record GuardedMutationStrategy(
            SqmMultiTableMutationStrategy delegate) implements SqmMultiTableMutationStrategy {

        @Override
        public void prepare(MappingModelCreationProcess process, JdbcConnectionAccess connectionAccess) {
            delegate.prepare(process, connectionAccess);
        }

        @Override
        public void prepare(MappingModelCreationProcess process) {
            delegate.prepare(process);
        }

        @Override
        public void release(SessionFactoryImplementor sessionFactory, JdbcConnectionAccess connectionAccess) {
            delegate.release(sessionFactory, connectionAccess);
        }

        @Override
        public MultiTableHandlerBuildResult buildHandler(SqmDeleteOrUpdateStatement<?> statement,
                DomainParameterXref parameters, DomainQueryExecutionContext context) {
            // Hibernate selects the rows to change through the session's filters
            SessionCaller.beforeRead(context.getSession());
            try {
                return delegate.buildHandler(
                        BulkMutationGuard.restrictedForSeveralTables(statement, parameters,
                                context.getQueryParameterBindings(), context.getSession().getFactory()),
                        parameters, context);
            }
            finally {
                // the handler is built (its SQL rendered) by now: nothing issued outlives
                // it
                BulkRestrictionFunction.forget();
            }
        }
    }

    private record GuardedInsertStrategy(SqmMultiTableInsertStrategy delegate) implements SqmMultiTableInsertStrategy {

        @Override
        public void prepare(MappingModelCreationProcess process, JdbcConnectionAccess connectionAccess) {
            delegate.prepare(process, connectionAccess);
        }

        @Override
        public void prepare(MappingModelCreationProcess process) {
            delegate.prepare(process);
        }

        @Override
        public void release(SessionFactoryImplementor sessionFactory, JdbcConnectionAccess connectionAccess) {
            delegate.release(sessionFactory, connectionAccess);
        }

        @Override
        public MultiTableHandlerBuildResult buildHandler(SqmInsertStatement<?> statement,
                DomainParameterXref parameters, DomainQueryExecutionContext context) {
            SessionCaller.beforeRead(context.getSession());
            BulkMutationGuard.check(statement, context.getSession().getFactory());
            return delegate.buildHandler(statement, parameters, context);
        }
    }

}
