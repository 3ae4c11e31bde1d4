package dev.rowguard.hibernate.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.hibernate.Filter;
import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
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
 * kept per lock mode and per the values of every enabled filter. With a filter enabled,
 * Hibernate builds a new loader, and two SQL plans, for every {@code find}: the plan
 * holds the filters' values, so it cannot serve a session whose filters differ. Two
 * sessions whose enabled filters and values are all equal load through the same SQL with
 * the same bound values, so their plan is kept, for the most recent {@value #PLANS_KEPT}
 * such states (a caller's values stay the same across its requests). Sessions with a
 * filter Rowguard does not own, an entity graph, a fetch profile, batch loading or a
 * pessimistic lock with options load as Hibernate does.
 */
final class CallerLoadPlans {

    static final int PLANS_KEPT = 64;

    private final AbstractEntityPersister persister;

    private final Map<PlanKey, SingleIdLoadPlan<?>> plans = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PlanKey, SingleIdLoadPlan<?>> eldest) {
            return size() > PLANS_KEPT;
        }
    };

    // resolved at the first load (the factory's runtime is attached before any session)
    private volatile @Nullable Boolean enforced;

    private @Nullable PolicyRuntime runtime;

    private volatile @Nullable SingleIdEntityLoader<?> loader;

    CallerLoadPlans(AbstractEntityPersister persister) {
        this.persister = persister;
    }

    /**
     * The loader for a load under the session's influencers, or null when Hibernate's own
     * choice applies.
     */
    @Nullable SingleIdEntityLoader<?> loaderFor(LoadQueryInfluencers influencers, LockOptions lockOptions) {
        if (!influencers.hasEnabledFilters() || !reusable(influencers, lockOptions)
                || influencers.effectivelyBatchLoadable(persister)
                || persister.getSingleIdLoader() instanceof SingleIdEntityLoaderProvidedQueryImpl<?>
                || runtime(influencers.getSessionFactory()) == null) {
            return null;
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
        synchronized (plans) {
            return plans.size();
        }
    }

    private <T> SingleIdLoadPlan<T> plan(LockOptions lockOptions, LoadQueryInfluencers influencers) {
        PlanKey key = reusable(influencers, lockOptions) ? key(lockOptions.getLockMode(), influencers) : null;
        if (key == null) {
            return build(lockOptions, influencers);
        }
        SingleIdLoadPlan<?> kept;
        synchronized (plans) {
            kept = plans.get(key);
        }
        if (kept != null) {
            @SuppressWarnings("unchecked")
            SingleIdLoadPlan<T> typed = (SingleIdLoadPlan<T>) kept;
            return typed;
        }
        SingleIdLoadPlan<T> built = build(lockOptions, influencers);
        synchronized (plans) {
            plans.put(key, built);
        }
        return built;
    }

    private boolean reusable(LoadQueryInfluencers influencers, LockOptions lockOptions) {
        return !(lockOptions.getLockMode().isPessimistic() && lockOptions.hasNonDefaultOptions())
                && !persister.isAffectedByEntityGraph(influencers)
                && !persister.isAffectedByEnabledFetchProfiles(influencers)
                && !influencers.hasEnabledCascadingFetchProfile() && influencers.getTemporalIdentifier() == null;
    }

    /**
     * The enabled filters with their values, or null when one of them is not Rowguard's
     * (an application's filter value may be anything, equal or not).
     */
    private @Nullable PlanKey key(LockMode lockMode, LoadQueryInfluencers influencers) {
        PolicyRuntime owner = runtime;
        Set<String> names = influencers.getEnabledFilterNames();
        Map<String, List<@Nullable Object>> values = new HashMap<>(names.size() * 2);
        for (String name : names) {
            Filter filter = influencers.getEnabledFilter(name);
            if (owner == null || filter == null || !owner.ownsFilter(name)) {
                return null;
            }
            Set<String> parameters = filter.getFilterDefinition().getParameterNames();
            if (parameters.isEmpty()) {
                values.put(name, List.of());
                continue;
            }
            java.util.ArrayList<@Nullable Object> parameterValues = new java.util.ArrayList<>(parameters.size());
            for (String parameter : parameters) {
                parameterValues.add(filter.getParameterValue(parameter));
            }
            values.put(name, parameterValues);
        }
        return new PlanKey(lockMode, values);
    }

    private <T> SingleIdLoadPlan<T> build(LockOptions lockOptions, LoadQueryInfluencers influencers) {
        var parameters = JdbcParametersList.newBuilder();
        SessionFactoryImplementor factory = influencers.getSessionFactory();
        var select = LoaderSelectBuilder.createSelect(persister, null, persister.getIdentifierMapping(), null, 1,
                influencers, lockOptions, parameters::add, new SqlAliasBaseManager(), factory);
        return new SingleIdLoadPlan<>(persister, persister.getIdentifierMapping(), select, parameters.build(),
                lockOptions, factory);
    }

    private @Nullable PolicyRuntime runtime(SessionFactoryImplementor factory) {
        Boolean known = enforced;
        if (known == null) {
            runtime = PolicyRuntimes.of(factory);
            known = runtime != null;
            enforced = known;
        }
        return known ? runtime : null;
    }

    /** Hibernate's standard loader, its plans taken from {@link #plan}. */
    private static final class KeptPlanLoader extends SingleIdEntityLoaderStandardImpl<Object> {

        KeptPlanLoader(AbstractEntityPersister persister, LoadQueryInfluencers influencers,
                BiFunction<LockOptions, LoadQueryInfluencers, SingleIdLoadPlan<Object>> plans) {
            super(persister, influencers, plans);
        }

    }

    private record PlanKey(LockMode lockMode, Map<String, List<@Nullable Object>> filterValues) {
    }

}
