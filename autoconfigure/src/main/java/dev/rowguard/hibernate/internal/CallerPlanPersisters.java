package dev.rowguard.hibernate.internal;

import java.util.List;

import org.hibernate.LockOptions;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.spi.MultiIdLoadOptions;
import org.hibernate.loader.ast.spi.MultiNaturalIdLoader;
import org.hibernate.loader.ast.spi.NaturalIdLoader;
import org.hibernate.loader.ast.spi.SingleIdEntityLoader;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

/**
 * Hibernate's three entity persisters, each loading by id through {@link CallerLoadPlans}
 * while a session reads through Rowguard's filters, and exactly as Hibernate does
 * otherwise. Loads of several ids and by natural id, which fire no load event, let the
 * session choose its filters first. {@link RowguardPersisterClassResolver} chooses them.
 */
public final class CallerPlanPersisters {

    private CallerPlanPersisters() {
    }

    /**
     * How many load plans the entity's persister keeps for callers, or -1 when it is not
     * one of these persisters.
     */
    public static int keptPlans(EntityPersister persister) {
        if (persister instanceof SingleTable singleTable) {
            return singleTable.plans.size();
        }
        if (persister instanceof Joined joined) {
            return joined.plans.size();
        }
        return persister instanceof Union union ? union.plans.size() : -1;
    }

    /**
     * Hibernate's persister of single-table hierarchies and entities without subclasses.
     */
    public static class SingleTable extends SingleTableEntityPersister {

        private final CallerLoadPlans plans = new CallerLoadPlans(this);

        public SingleTable(PersistentClass persistentClass, EntityDataAccess cacheAccess,
                NaturalIdDataAccess naturalIdAccess, RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccess, naturalIdAccess, creationContext);
        }

        @Override
        protected SingleIdEntityLoader<?> determineLoaderToUse(SharedSessionContractImplementor session,
                LockOptions lockOptions) {
            return plans.loaderFor(session, lockOptions, super::determineLoaderToUse);
        }

        @Override
        public List<?> multiLoad(Object[] ids, SharedSessionContractImplementor session, MultiIdLoadOptions options) {
            SessionCaller.beforeRead(session);
            return super.multiLoad(ids, session, options);
        }

        @Override
        public NaturalIdLoader<?> getNaturalIdLoader() {
            return ReadFirstLoaders.naturalIds(super.getNaturalIdLoader());
        }

        @Override
        public MultiNaturalIdLoader<?> getMultiNaturalIdLoader() {
            return ReadFirstLoaders.multiNaturalIds(super.getMultiNaturalIdLoader());
        }

    }

    /** Hibernate's persister of joined hierarchies. */
    public static class Joined extends JoinedSubclassEntityPersister {

        private final CallerLoadPlans plans = new CallerLoadPlans(this);

        public Joined(PersistentClass persistentClass, EntityDataAccess cacheAccess,
                NaturalIdDataAccess naturalIdAccess, RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccess, naturalIdAccess, creationContext);
        }

        @Override
        protected SingleIdEntityLoader<?> determineLoaderToUse(SharedSessionContractImplementor session,
                LockOptions lockOptions) {
            return plans.loaderFor(session, lockOptions, super::determineLoaderToUse);
        }

        @Override
        public List<?> multiLoad(Object[] ids, SharedSessionContractImplementor session, MultiIdLoadOptions options) {
            SessionCaller.beforeRead(session);
            return super.multiLoad(ids, session, options);
        }

        @Override
        public NaturalIdLoader<?> getNaturalIdLoader() {
            return ReadFirstLoaders.naturalIds(super.getNaturalIdLoader());
        }

        @Override
        public MultiNaturalIdLoader<?> getMultiNaturalIdLoader() {
            return ReadFirstLoaders.multiNaturalIds(super.getMultiNaturalIdLoader());
        }

    }

    /** Hibernate's persister of table-per-class hierarchies. */
    public static class Union extends UnionSubclassEntityPersister {

        private final CallerLoadPlans plans = new CallerLoadPlans(this);

        public Union(PersistentClass persistentClass, EntityDataAccess cacheAccess, NaturalIdDataAccess naturalIdAccess,
                RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccess, naturalIdAccess, creationContext);
        }

        @Override
        protected SingleIdEntityLoader<?> determineLoaderToUse(SharedSessionContractImplementor session,
                LockOptions lockOptions) {
            return plans.loaderFor(session, lockOptions, super::determineLoaderToUse);
        }

        @Override
        public List<?> multiLoad(Object[] ids, SharedSessionContractImplementor session, MultiIdLoadOptions options) {
            SessionCaller.beforeRead(session);
            return super.multiLoad(ids, session, options);
        }

        @Override
        public NaturalIdLoader<?> getNaturalIdLoader() {
            return ReadFirstLoaders.naturalIds(super.getNaturalIdLoader());
        }

        @Override
        public MultiNaturalIdLoader<?> getMultiNaturalIdLoader() {
            return ReadFirstLoaders.multiNaturalIds(super.getMultiNaturalIdLoader());
        }

    }

}
