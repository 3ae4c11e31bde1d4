package dev.rowguard.hibernate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyViolationException;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;
import org.hibernate.query.sqm.tree.SqmCopyContext;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.stat.spi.StatisticsImplementor;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * HQL and Criteria {@code update}, {@code delete} and {@code insert} skip entity events,
 * so their rules cannot be checked row by row. Hibernate applies the read filters to
 * them; on top of that, a bulk update or delete gets the caller's rules for its operation
 * appended to its {@code WHERE} ({@link BulkRestriction}), so it changes exactly the rows
 * the caller may change. An insert from a query, and a statement Hibernate runs over
 * several tables, run only when the caller's rule does not depend on the row (it folds to
 * true for this caller); otherwise they are refused before any SQL is sent. Every
 * caller's statements are translated afresh (Rowguard keeps a filter enabled for each
 * non-system caller, which keeps Hibernate from reusing plans), so the decision is per
 * caller.
 */
public final class BulkMutationGuard extends StandardSqmTranslatorFactory {

    private final CallerTranslations translations = new CallerTranslations();

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref, QueryParameterBindings bindings,
            LoadQueryInfluencers influencers, SqlAstCreationContext creationContext,
            boolean deduplicateSelectionItems) {
        ensureCurrentCaller(influencers);
        PolicyRuntime runtime = PolicyRuntimes.of(creationContext.getSessionFactory());
        CallerTranslations.Key key = runtime == null ? null : CallerTranslations.key(statement, queryOptions, bindings,
                influencers, deduplicateSelectionItems, runtime);
        SqmTranslation<SelectStatement> kept = key == null ? null : translations.get(key);
        if (key != null) {
            countInStatistics(kept != null, creationContext);
        }
        if (kept != null) {
            return new GuardedSelectTranslator(statement, queryOptions, domainParameterXref, bindings, influencers,
                    creationContext, deduplicateSelectionItems) {
                @Override
                public SqmTranslation<SelectStatement> translate() {
                    return kept;
                }
            };
        }
        SessionCaller caller = SessionCallers.of(influencers);
        GuardedSelectTranslator translator = caller != null && PointLookups.byId(statement)
                ? new RowDrivenSelectTranslator(statement, queryOptions, domainParameterXref, bindings, influencers,
                        creationContext, deduplicateSelectionItems, caller)
                : new GuardedSelectTranslator(statement, queryOptions, domainParameterXref, bindings, influencers,
                        creationContext, deduplicateSelectionItems);
        if (key != null) {
            translator.keepIn(translation -> translations.keep(key, translation));
        }
        return translator;
    }

    /**
     * Hibernate counts a plan served from its cache, or built for it, in its statistics;
     * Hibernate's cache is never asked for a session with an enabled filter, so
     * Rowguard's kept translations, which take its place there, are counted instead (the
     * totals only: Hibernate keys per-query statistics by the query's own text, which a
     * translator is not given).
     */
    private static void countInStatistics(boolean kept, SqlAstCreationContext creationContext) {
        StatisticsImplementor statistics = creationContext.getSessionFactory().getStatistics();
        if (statistics.isStatisticsEnabled()) {
            if (kept) {
                statistics.queryPlanCacheHit(null);
            }
            else {
                statistics.queryPlanCacheMiss(null);
            }
        }
    }

    /** Number of select translations kept for callers, for tests. */
    public int keptTranslations() {
        return translations.size();
    }

    /**
     * HQL's {@code column(e.salary)} writes the bare column, past the read expression
     * that masks a field: refused for every caller but the system while any field has
     * read rules. Selects refuse it where the function is translated
     * ({@link GuardedSelectTranslator}); a mutation may be translated by Hibernate's own
     * converter for several tables, so its whole text is searched.
     */
    private static void refuseRawColumnReads(SqmStatement<?> statement, SqlAstCreationContext creationContext) {
        if (GuardedSelectTranslator.refusesRawColumns(creationContext)
                && RAW_COLUMN.matcher(statement.toHqlString()).find()) {
            throw GuardedSelectTranslator.rawColumnRefused();
        }
    }

    private static final java.util.regex.Pattern RAW_COLUMN = java.util.regex.Pattern
        .compile("(?i)(?<![A-Za-z0-9_$.])column\\s*\\(");

    /**
     * The session's filters are those of its caller before a statement is built from
     * them.
     */
    private static void ensureCurrentCaller(LoadQueryInfluencers influencers) {
        SessionCaller caller = SessionCallers.of(influencers);
        if (caller != null) {
            caller.beforeRead();
        }
        else if (influencers.getEnabledFilter(PolicyRuntime.GATE) != null) {
            throw new IllegalStateException("Rowguard: a session is read for the first time on a thread other than"
                    + " the one that opened it, and not through an entity manager Spring binds to this thread, before"
                    + " Rowguard chose its row filters. Read it first where it was opened, or open it on the thread"
                    + " that reads it.");
        }
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref, QueryParameterBindings bindings,
            LoadQueryInfluencers influencers, SqlAstCreationContext creationContext) {
        ensureCurrentCaller(influencers);
        refuseRawColumnReads(statement, creationContext);
        PolicyRuntime runtime = PolicyRuntimes.of(creationContext.getSessionFactory());
        Caller caller = CallerContext.current();
        if (runtime != null && !caller.system() && statement instanceof SqmDeleteOrUpdateStatement<?> change) {
            SessionFactoryImplementor sessionFactory = creationContext.getSessionFactory();
            BulkRestriction restriction = BulkRestriction.of(change,
                    reachedEntities(change.getTarget().getEntityName(), true, sessionFactory, runtime), runtime, caller,
                    sessionFactory, domainParameterXref, bindings, false);
            if (restriction != null) {
                return new RestrictedMutationTranslator(creationContext, statement, queryOptions, influencers,
                        domainParameterXref, bindings, restriction);
            }
        }
        else {
            check(statement, creationContext.getSessionFactory());
        }
        return super.createMutationTranslator(statement, queryOptions, domainParameterXref, bindings, influencers,
                creationContext);
    }

    /**
     * A bulk update or delete Hibernate runs over several tables
     * ({@link GuardedMultiTableStrategies}, without this translator): a copy of the
     * statement with the caller's rules as a predicate of its own, or the statement
     * itself when they always hold.
     */
    static SqmDeleteOrUpdateStatement<?> restrictedForSeveralTables(SqmDeleteOrUpdateStatement<?> statement,
            DomainParameterXref xref, QueryParameterBindings bindings, SessionFactoryImplementor sessionFactory) {
        PolicyRuntime runtime = PolicyRuntimes.of(sessionFactory);
        Caller caller = CallerContext.current();
        if (runtime == null || caller.system()) {
            return statement;
        }
        BulkRestriction restriction = BulkRestriction.of(statement,
                reachedEntities(statement.getTarget().getEntityName(), true, sessionFactory, runtime), runtime, caller,
                sessionFactory, xref, bindings, true);
        if (restriction == null) {
            return statement;
        }
        SqmDeleteOrUpdateStatement<?> copy = (SqmDeleteOrUpdateStatement<?>) statement
            .copy(SqmCopyContext.noParamCopyContext());
        SqmPredicate predicate = restriction.predicate(copy, statement);
        if (predicate != null) {
            copy.applyPredicate(predicate);
        }
        return copy;
    }

    /**
     * Refuses the statement unless the caller is the system context or the caller's rule
     * for each operation the statement performs holds for every row: inserts from a
     * query, which Rowguard cannot restrict.
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
        Map<String, EntityMappingType> reached = reachedEntities(target, !(statement instanceof SqmInsertStatement<?>),
                sessionFactory, runtime);
        for (String entity : reached.keySet()) {
            for (Operation operation : operationsOf(statement)) {
                if (!runtime.allowsRegardlessOfRow(entity, operation, caller.principal())) {
                    throw refused(statement, entity, operation, runtime, caller,
                            "an insert from a query, or one that updates the row it conflicts with, cannot be"
                                    + " checked row by row");
                }
            }
            if (updatesOnConflict(statement)
                    && !runtime.policies().fieldRules().fields(entity, Operation.UPDATE).isEmpty()) {
                throw refused(statement, entity, Operation.UPDATE, runtime, caller,
                        "an insert that updates the row it conflicts with may change fields that have UPDATE rules");
            }
        }
    }

    /** The denial of a bulk statement the caller's rule depends on the row for. */
    static PolicyViolationException refused(SqmDmlStatement<?> statement, String entity, Operation operation,
            PolicyRuntime runtime, Caller caller, String why) {
        String target = runtime.jpaName(statement.getTarget().getEntityName());
        String of = entity.equals(target) ? entity : target + ", which reaches rows of its subclass " + entity + ",";
        return Denials.denied(runtime, caller, entity, operation, "a bulk " + verbOf(statement) + " of " + of
                + " is refused: " + why + ", and the caller's " + operation + " rule of " + entity
                + " depends on the row. Load the entities and change or remove them (for example"
                + " repository.deleteAll(repository.findAll(...))), or run the statement in Rowguard.asSystem if"
                + " it is not on behalf of a user.", List.of());
    }

    /**
     * The statement's target and every subclass of it: a statement on an inheritance root
     * or an intermediate class changes the rows of its subclasses too (whatever the
     * inheritance strategy), and a subclass may have stricter write rules than the class
     * named in the statement.
     */
    private static Map<String, EntityMappingType> reachedEntities(String target, boolean withSubclasses,
            SessionFactory sessionFactory, PolicyRuntime runtime) {
        Map<String, EntityMappingType> entities = new LinkedHashMap<>();
        EntityMappingType descriptor = sessionFactory.unwrap(SessionFactoryImplementor.class)
            .getMappingMetamodel()
            .getEntityDescriptor(target);
        addKnown(entities, runtime, descriptor);
        if (withSubclasses) {
            for (EntityMappingType subclass : descriptor.getSubMappingTypes()) {
                addKnown(entities, runtime, subclass);
            }
        }
        return entities;
    }

    private static void addKnown(Map<String, EntityMappingType> entities, PolicyRuntime runtime,
            EntityMappingType type) {
        String jpaName = runtime.jpaName(type.getEntityName());
        if (jpaName != null) {
            entities.putIfAbsent(jpaName, type);
        }
    }

    static List<Operation> operationsOf(SqmDmlStatement<?> statement) {
        if (statement instanceof SqmUpdateStatement<?>) {
            return List.of(Operation.UPDATE, Operation.POST_UPDATE);
        }
        if (statement instanceof SqmDeleteStatement<?>) {
            return List.of(Operation.DELETE);
        }
        if (updatesOnConflict(statement)) {
            // insert ... on conflict do update changes a stored row, which it reads
            return List.of(Operation.CREATE, Operation.READ, Operation.UPDATE, Operation.POST_UPDATE);
        }
        return List.of(Operation.CREATE);
    }

    private static boolean updatesOnConflict(SqmDmlStatement<?> statement) {
        if (!(statement instanceof SqmInsertStatement<?> insert)) {
            return false;
        }
        var conflict = insert.getConflictClause();
        return conflict != null && conflict.getConflictAction() != null;
    }

    private static String verbOf(SqmDmlStatement<?> statement) {
        return statement instanceof SqmUpdateStatement<?> ? "update"
                : statement instanceof SqmInsertStatement<?> ? "insert" : "delete";
    }

}
