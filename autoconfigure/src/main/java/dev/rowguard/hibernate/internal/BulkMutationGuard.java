package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.List;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * HQL and Criteria {@code update}, {@code delete} and {@code insert} skip entity events,
 * so their rules cannot be checked row by row. Hibernate applies the read filters to
 * them; on top of that, a bulk statement runs only when the caller's rule for the
 * operation does not depend on the row (it folds to true for this caller). Otherwise it
 * is refused before any SQL is sent. Every caller's statements are translated afresh
 * (Rowguard keeps a filter enabled for each non-system caller, which keeps Hibernate from
 * reusing plans), so the decision is per caller.
 */
public final class BulkMutationGuard extends StandardSqmTranslatorFactory {

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref, QueryParameterBindings bindings,
            LoadQueryInfluencers influencers, SqlAstCreationContext creationContext,
            boolean deduplicateSelectionItems) {
        ensureCurrentCaller(influencers);
        return super.createSelectTranslator(statement, queryOptions, domainParameterXref, bindings, influencers,
                creationContext, deduplicateSelectionItems);
    }

    /**
     * The session's filters are those of its caller before a statement is built from
     * them.
     */
    private static void ensureCurrentCaller(LoadQueryInfluencers influencers) {
        SessionCaller caller = SessionCallers.of(influencers);
        if (caller != null) {
            caller.ensureCurrent();
        }
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref, QueryParameterBindings bindings,
            LoadQueryInfluencers influencers, SqlAstCreationContext creationContext) {
        ensureCurrentCaller(influencers);
        check(statement, creationContext.getSessionFactory());
        return super.createMutationTranslator(statement, queryOptions, domainParameterXref, bindings, influencers,
                creationContext);
    }

    /**
     * Refuses the statement unless the caller is the system context or the caller's rule
     * for each operation the statement performs holds for every row. Shared with the
     * multi-table path ({@link GuardedMultiTableStrategies}), which Hibernate takes
     * without this translator.
     */
    static void check(SqmDmlStatement<?> statement, SessionFactory sessionFactory) {
        PolicyRuntime runtime = PolicyRuntimes.of(sessionFactory);
        Caller caller = CallerContext.current();
        if (runtime == null || caller.system()) {
            return;
        }
        String target = statement.getTarget().getEntityName();
        // an insert creates rows of the named entity only; an update or delete reaches
        // its subclasses' rows too
        List<String> reached = reachedEntities(target, !(statement instanceof SqmInsertStatement<?>), sessionFactory,
                runtime);
        for (String entity : reached) {
            for (Operation operation : operationsOf(statement)) {
                if (!runtime.allowsRegardlessOfRow(entity, operation, caller.principal())) {
                    String of = entity.equals(runtime.jpaName(target)) ? entity
                            : runtime.jpaName(target) + ", which reaches rows of its subclass " + entity + ",";
                    throw Denials.denied(runtime, caller, entity, operation, "a bulk " + verbOf(statement) + " of " + of
                            + " cannot be checked row by row, and the caller's " + operation + " rule of " + entity
                            + " depends on the row. Load the entities and change"
                            + " or remove them (for example repository.deleteAll(repository.findAll(...))), or run"
                            + " the statement in Rowguard.asSystem if it is not on behalf of a user.", List.of());
                }
            }
        }
    }

    /**
     * The statement's target and every subclass of it: a statement on an inheritance root
     * or an intermediate class changes the rows of its subclasses too (whatever the
     * inheritance strategy), and a subclass may have stricter write rules than the class
     * named in the statement.
     */
    private static List<String> reachedEntities(String target, boolean withSubclasses, SessionFactory sessionFactory,
            PolicyRuntime runtime) {
        List<String> entities = new ArrayList<>();
        addKnown(entities, runtime, target);
        if (withSubclasses) {
            EntityMappingType descriptor = sessionFactory.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(target);
            for (EntityMappingType subclass : descriptor.getSubMappingTypes()) {
                addKnown(entities, runtime, subclass.getEntityName());
            }
        }
        return entities;
    }

    private static void addKnown(List<String> entities, PolicyRuntime runtime, String entityName) {
        String jpaName = runtime.jpaName(entityName);
        if (jpaName != null && !entities.contains(jpaName)) {
            entities.add(jpaName);
        }
    }

    private static List<Operation> operationsOf(SqmDmlStatement<?> statement) {
        if (statement instanceof SqmUpdateStatement<?>) {
            return List.of(Operation.UPDATE, Operation.POST_UPDATE);
        }
        if (statement instanceof SqmDeleteStatement<?>) {
            return List.of(Operation.DELETE);
        }
        return List.of(Operation.CREATE);
    }

    private static String verbOf(SqmDmlStatement<?> statement) {
        return statement instanceof SqmUpdateStatement<?> ? "update"
                : statement instanceof SqmInsertStatement<?> ? "insert" : "delete";
    }

}
