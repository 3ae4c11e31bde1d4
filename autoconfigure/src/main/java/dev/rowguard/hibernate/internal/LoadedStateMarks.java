package dev.rowguard.hibernate.internal;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityEntryExtraState;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which state array Hibernate holds as an entity's stored state right after it
 * loaded, inserted or updated the row. The update check trusts that array as the row's
 * before-state only while it is still the same one:
 * {@code Session.setReadOnly(entity, false)} (and a read-only load made writable)
 * replaces it with the entity's current, possibly changed, values, and then the stored
 * row is read back instead.
 */
final class LoadedStateMarks implements PostLoadEventListener, PostInsertEventListener, PostUpdateEventListener {

    @Override
    public void onPostLoad(PostLoadEvent event) {
        mark(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        mark(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        mark(event.getSession(), event.getEntity());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /**
     * Whether {@code state} is the array Hibernate recorded when it last read or wrote
     * the row.
     */
    static boolean isAsStored(SharedSessionContractImplementor session, Object entity, Object[] state) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        Mark mark = entry == null ? null : entry.getExtraState(Mark.class);
        return mark != null && state != null && mark.state == state;
    }

    private static void mark(SharedSessionContractImplementor session, Object entity) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        if (entry == null) {
            return;
        }
        Mark mark = entry.getExtraState(Mark.class);
        if (mark == null) {
            entry.addExtraState(new Mark(entry.getLoadedState()));
        }
        else {
            mark.state = entry.getLoadedState();
        }
    }

    private static final class Mark implements EntityEntryExtraState {

        private Object[] state;

        private @Nullable EntityEntryExtraState next;

        Mark(Object[] state) {
            this.state = state;
        }

        @Override
        public void addExtraState(EntityEntryExtraState extraState) {
            if (next == null) {
                next = extraState;
            }
            else {
                next.addExtraState(extraState);
            }
        }

        // Hibernate's chain convention: each link answers for the links after it, not for
        // itself.
        @Override
        public <T extends EntityEntryExtraState> @Nullable T getExtraState(Class<T> extraStateType) {
            if (next == null) {
                return null;
            }
            return extraStateType.isInstance(next) ? extraStateType.cast(next) : next.getExtraState(extraStateType);
        }

    }

}
