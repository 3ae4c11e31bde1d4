package dev.rowguard.hibernate.internal;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Fills {@code @AuthDefault} attributes of a new entity when it is persisted or merged,
 * before Hibernate's own handling: Hibernate checks not-null attributes inside
 * {@code persist} (without a Bean Validation provider) and Bean Validation runs before
 * the insert, so an owner filled only at the insert would come too late for a
 * {@code nullable = false}, {@code optional = false} or {@code @NotNull} owner. The
 * insert check fills anything still null as before.
 */
final class AuthDefaultsBeforePersist implements PersistEventListener, MergeEventListener {

    private final AuthDefaults defaults;

    AuthDefaultsBeforePersist(AuthDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public void onPersist(PersistEvent event) {
        fill(event.getObject(), event.getEntityName(), event.getSession());
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        onPersist(event);
    }

    @Override
    public void onMerge(MergeEvent event) {
        fill(event.getOriginal(), event.getEntityName(), event.getSession());
    }

    @Override
    public void onMerge(MergeEvent event, MergeContext copiedAlready) {
        onMerge(event);
    }

    private void fill(@Nullable Object entity, String entityName, SharedSessionContractImplementor session) {
        SessionCaller sessionCaller = session.getExtension(SessionCaller.class);
        if (sessionCaller != null) {
            sessionCaller.ensureCurrent();
        }
        Caller caller = CallerContext.current();
        if (entity == null || caller.system() || caller.principal() == null
                || org.hibernate.proxy.HibernateProxy.extractLazyInitializer(entity) != null
                || session.getPersistenceContextInternal().getEntry(entity) != null) {
            return;
        }
        EntityPersister persister = session.getEntityPersister(entityName, entity);
        if (!Boolean.TRUE.equals(persister.isTransient(entity, session))) {
            return; // a detached copy of a stored row: its null values are changes, not
                    // defaults
        }
        defaults.applyToEntity(entity, persister, caller.principal(), session);
    }

}
