package dev.rowguard.hibernate.internal;

import java.util.function.BiFunction;

import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.LoaderSelectBuilder;
import org.hibernate.loader.ast.internal.SingleIdEntityLoaderProvidedQueryImpl;
import org.hibernate.loader.ast.internal.SingleIdEntityLoaderStandardImpl;
import org.hibernate.loader.ast.internal.SingleIdLoadPlan;
import org.hibernate.loader.ast.spi.SingleIdEntityLoader;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.sql.ast.spi.SqlAliasBaseManager;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.jspecify.annotations.Nullable;

/**
 * The load-by-id plans of one entity for sessions that read through Rowguard's filters,
 * kept per lock mode, enabled filters and the values the caller's filters bind. With a
 * filter enabled, Hibernate builds a new loader, and two SQL plans, for every
 * {@code find}: the plan holds the filters' values, so it cannot serve a session whose
 * filters differ. Rowguard's filters take every value from the caller (a value set in the
 * session is refused), so two sessions with the same filters enabled and callers whose
 * values are all equal load through the same SQL with the same bound values: their plan
 * is kept, for the most recent {@value #PLANS_KEPT} such states (a caller's values stay
 * the same across its requests and tokens). Sessions with a filter Rowguard does not own,
 * an entity graph, a fetch profile, batch loading or a pessimistic lock with options load
 * as Hibernate does.
 */
final class CallerLoadPlans {

    static final int PLANS_KEPT = 64;

    private final AbstractEntityPersister persister;

    private final RecentlyUsed<PlanKey, SingleIdLoadPlan<?>> plans = new RecentlyUsed<>(PLANS_KEPT);

    private volatile @Nullable SingleIdEntityLoader<?> loader;

    CallerLoadPlans(AbstractEntityPersister persister) {
        this.persister = persister;
    }

    /**
     * The loader for a load in the session: one whose plans are kept, or Hibernate's own
     * choice.
     */
    SingleIdEntityLoader<?> loaderFor(SharedSessionContractImplementor session, LockOptions lockOptions,
            BiFunction<SharedSessionContractImplementor, LockOptions, SingleIdEntityLoader<?>> hibernates) {
        SessionCaller.beforeRead(session);
        LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
        if (!influencers.hasEnabledFilters() || !reusable(influencers, lockOptions)
                || influencers.effectivelyBatchLoadable(persister)
                || persister.getSingleIdLoader() instanceof SingleIdEntityLoaderProvidedQueryImpl<?>
                || PolicyRuntimes.of(influencers.getSessionFactory()) == null) {
            // Hibernate's loader reads the session's filters as it loads
            swapForLoad(influencers);
            return hibernates.apply(session, lockOptions);
        }
        SingleIdEntityLoader<?> current = loader;
        if (current == null) {
            current = new KeptPlanLoader(persister, new LoadQueryInfluencers(influencers.getSessionFactory()),
                    this::plan);
            loader = current;
        }
        return current;
    }

    /** Number of plans kept, for tests. */
    int size() {
        return plans.size();
    }

    private <T> SingleIdLoadPlan<T> plan(LockOptions lockOptions, LoadQueryInfluencers influencers) {
        // (loaderFor checked that the load's lock options and influencers allow a kept
        // plan.) A load waiting for the row-driven twins is keyed by the filters it would
        // swap them for: the twin of each filter is fixed.
        SessionCaller waiting = SessionCaller.waitingForRowDriven(influencers);
        PlanKey key = key(lockOptions.getLockMode(), influencers, waiting != null);
        SingleIdLoadPlan<?> kept = key == null ? null : plans.get(key);
        if (kept != null) {
            @SuppressWarnings("unchecked")
            SingleIdLoadPlan<T> typed = (SingleIdLoadPlan<T>) kept;
            return typed;
        }
        if (waiting != null) {
            waiting.swapForLoad();
        }
        SingleIdLoadPlan<T> built = build(lockOptions, influencers);
        if (key != null) {
            plans.put(key, built);
        }
        return built;
    }

    private static void swapForLoad(LoadQueryInfluencers influencers) {
        SessionCaller waiting = SessionCaller.waitingForRowDriven(influencers);
        if (waiting != null) {
            waiting.swapForLoad();
        }
    }

    private boolean reusable(LoadQueryInfluencers influencers, LockOptions lockOptions) {
        return !(lockOptions.getLockMode().isPessimistic() && lockOptions.hasNonDefaultOptions())
                && !persister.isAffectedByEntityGraph(influencers)
                && !persister.isAffectedByEnabledFetchProfiles(influencers)
                && !influencers.hasEnabledCascadingFetchProfile() && influencers.getTemporalIdentifier() == null;
    }

    private @Nullable PlanKey key(LockMode lockMode, LoadQueryInfluencers influencers, boolean rowDrivenWaiting) {
        PolicyRuntime runtime = PolicyRuntimes.of(influencers.getSessionFactory());
        FilterState state = runtime == null ? null : FilterState.of(influencers, runtime);
        return state == null ? null : new PlanKey(lockMode, state, rowDrivenWaiting);
    }

    private <T> SingleIdLoadPlan<T> build(LockOptions lockOptions, LoadQueryInfluencers influencers) {
        var parameters = JdbcParametersList.newBuilder();
        SessionFactoryImplementor factory = influencers.getSessionFactory();
        var select = LoaderSelectBuilder.createSelect(persister, null, persister.getIdentifierMapping(), null, 1,
                influencers, lockOptions, parameters::add, new SqlAliasBaseManager(), factory);
        return new SingleIdLoadPlan<>(persister, persister.getIdentifierMapping(), select, parameters.build(),
                lockOptions, factory);
    }

    /** Hibernate's standard loader, its plans taken from {@link #plan}. */
    private static final class KeptPlanLoader extends SingleIdEntityLoaderStandardImpl<Object> {

        private final BiFunction<LockOptions, LoadQueryInfluencers, SingleIdLoadPlan<Object>> plans;

        KeptPlanLoader(AbstractEntityPersister persister, LoadQueryInfluencers influencers,
                BiFunction<LockOptions, LoadQueryInfluencers, SingleIdLoadPlan<Object>> plans) {
            super(persister, influencers, plans);
            this.plans = plans;
        }

        /**
         * The kept plan, without asking first whether a filter applies to the entity:
         * Hibernate's check validates every enabled filter on every load, and a kept plan
         * is right either way ({@link CallerLoadPlans#loaderFor} has ruled out what it
         * would choose otherwise).
         */
        @Override
        public SingleIdLoadPlan<Object> resolveLoadPlan(LockOptions lockOptions, LoadQueryInfluencers influencers) {
            return plans.apply(lockOptions, influencers);
        }

    }

    private record PlanKey(LockMode lockMode, FilterState filters, boolean rowDrivenWaiting) {
    }

}
