package dev.rowguard.hibernate.internal;

import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.internal.StandardPersisterClassResolver;

/**
 * Chooses {@link CallerPlanPersisters} where Hibernate would choose its own persisters;
 * an entity's own {@code @Persister} still wins.
 */
public final class RowguardPersisterClassResolver extends StandardPersisterClassResolver {

    @Override
    public Class<? extends EntityPersister> singleTableEntityPersister() {
        return CallerPlanPersisters.SingleTable.class;
    }

    @Override
    public Class<? extends EntityPersister> joinedSubclassEntityPersister() {
        return CallerPlanPersisters.Joined.class;
    }

    @Override
    public Class<? extends EntityPersister> unionSubclassEntityPersister() {
        return CallerPlanPersisters.Union.class;
    }

}
