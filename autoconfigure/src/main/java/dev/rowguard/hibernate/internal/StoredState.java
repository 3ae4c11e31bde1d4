package dev.rowguard.hibernate.internal;

import dev.rowguard.context.Caller;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * The state of a row as stored, on which Rowguard decides writes and permissions: the
 * state the session loaded, when it is still that array ({@link LoadedStateMarks}) and no
 * rule reads a field it holds as null because the caller may not read it, else the row
 * read back with every field as stored (one statement).
 */
final class StoredState {

    private StoredState() {
    }

    /**
     * @param loaded what the session holds as the row's loaded state, or null
     * @return the stored state, or null when no such row is stored
     */
    static Object @Nullable [] of(PolicyRuntime runtime, Caller caller, String entity, Object entityInstance, Object id,
            Object @Nullable [] loaded, EntityPersister persister, SharedSessionContractImplementor session) {
        if (loaded != null && LoadedStateMarks.isAsStored(session, entityInstance, loaded)
                && !runtime.decisionsNeedHiddenFields(entity, caller)) {
            return loaded;
        }
        return readBack(persister, id, session);
    }

    /**
     * The row read from the database with every field as stored; null when there is none.
     */
    static Object @Nullable [] readBack(EntityPersister persister, Object id,
            SharedSessionContractImplementor session) {
        return FieldMasks.unmasked(() -> persister.getDatabaseSnapshot(id, session));
    }

}
