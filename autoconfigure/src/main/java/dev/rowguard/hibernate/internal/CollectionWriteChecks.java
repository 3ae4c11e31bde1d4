package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.sql.SqlCondition;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.type.EntityType;
import org.jspecify.annotations.Nullable;

/**
 * Checks the writes Hibernate makes for a collection it owns (a many-to-many join table,
 * a unidirectional one-to-many's foreign keys, an element collection), which fire no
 * entity event:
 * <ul>
 * <li>a change of the collection is a change of its owner: the owner's stored row must
 * pass its {@code UPDATE} rule (not for an owner created in this flush, whose create was
 * checked);</li>
 * <li>a many-to-many link may be added or removed only for an element the caller can
 * read;</li>
 * <li>a one-to-many element's foreign key is a column of the element's row: the element
 * must be readable and pass its {@code UPDATE} rule, whether it is added or removed;</li>
 * <li>when Hibernate deletes or detaches every element of the owner at once (a replaced
 * or cleared collection), every element stored for the owner must pass, including those
 * the caller's filtered view of the collection never showed: otherwise the change is
 * refused rather than silently taking rows the caller cannot see.</li>
 * </ul>
 * Each check is one {@code SELECT} against the stored rows; a rule that holds for every
 * row of the caller costs none.
 */
final class CollectionWriteChecks implements PreCollectionRecreateEventListener, PreCollectionUpdateEventListener,
        PreCollectionRemoveEventListener {

    private static final String LINK = "rg_link";

    private final PolicyRuntime runtime;

    private final EntitiesCreatedInFlush created;

    private final Map<String, Bound> oneToManyElementRules = new ConcurrentHashMap<>();

    CollectionWriteChecks(PolicyRuntime runtime, EntitiesCreatedInFlush created) {
        this.runtime = runtime;
        this.created = created;
    }

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        check(event, false);
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        PersistentCollection<?> collection = event.getCollection();
        AbstractCollectionPersister persister = persister(event);
        boolean wholesale = persister != null && (collection.needsRecreate(persister)
                || (collection.empty() && !persister.isAffectedByEnabledFilters(event.getSession())));
        check(event, wholesale);
    }

    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        check(event, true);
    }

    /**
     * @param wholesale whether Hibernate removes every stored element of the owner, not
     * only the ones the collection knows about
     */
    private void check(AbstractCollectionEvent event, boolean wholesale) {
        Caller caller = CallerContext.current();
        AbstractCollectionPersister persister = persister(event);
        if (caller.system() || persister == null || persister.isInverse()) {
            return;
        }
        SharedSessionContractImplementor session = event.getSession();
        Object owner = event.getAffectedOwnerOrNull();
        PersistentCollection<?> collection = event.getCollection();
        Object key = collection != null && collection.getKey() != null ? collection.getKey()
                : event.getAffectedOwnerIdOrNull();
        // Without a collection or an owner, Hibernate is removing the collections of an
        // entity it deletes.
        if ((collection == null && owner == null) || (owner != null && isBeingDeleted(session, owner))) {
            if (persister.isOneToMany()) {
                requireEveryChildUnlinkable(caller, persister, key, session);
            }
            return;
        }
        String ownerEntity = runtime.jpaName(event.getAffectedOwnerEntityName());
        boolean ownerCreated = owner != null && created.contains(session, owner);
        if (ownerEntity != null && !ownerCreated) {
            requireOwner(caller, ownerEntity, event.getAffectedOwnerIdOrNull(), session);
        }
        String elementEntity = elementEntityOf(persister);
        if (elementEntity == null) {
            return;
        }
        SqlCondition condition = runtime.compiler()
            .compile(elementRule(elementEntity, persister.isOneToMany()), caller.principal(), null, StoredRows.ALIAS,
                    null);
        if (condition.alwaysTrue()) {
            return;
        }
        Operation denied = persister.isOneToMany() ? Operation.UPDATE : Operation.READ;
        if (wholesale && !ownerCreated && key != null
                && anyStoredElementFails(persister, elementEntity, key, List.of(), condition, session)) {
            throw Denials.denied(runtime, caller, elementEntity, denied, "the " + persister.getRole()
                    + " collection holds rows"
                    + " this caller may not change; change its elements one by one instead of replacing or clearing it",
                    List.of());
        }
        List<Object> changed = collection == null ? List.of() : changedElements(collection, persister, session);
        if (!changed.isEmpty() && anyElementFails(elementEntity, changed, condition, session)) {
            throw Denials.denied(
                    runtime, caller, elementEntity, denied, "an element added to or removed from " + persister.getRole()
                            + " is not one this caller may " + (persister.isOneToMany() ? "change" : "read"),
                    List.of());
        }
    }

    /**
     * Deleting the owner of a unidirectional one-to-many sets the foreign key of every
     * child stored for it to null in one statement, the children the caller cannot see
     * included: each must be one the caller may read and change, or the delete is
     * refused.
     */
    private void requireEveryChildUnlinkable(Caller caller, AbstractCollectionPersister persister, @Nullable Object key,
            SharedSessionContractImplementor session) {
        String elementEntity = elementEntityOf(persister);
        if (elementEntity == null) {
            return;
        }
        SqlCondition condition = runtime.compiler()
            .compile(elementRule(elementEntity, true), caller.principal(), null, StoredRows.ALIAS, null);
        if (!condition.alwaysTrue() && (key == null || anyStoredElementFails(persister, elementEntity, key,
                deletedIds(session, persister), condition, session))) {
            throw Denials.denied(runtime, caller, elementEntity, Operation.UPDATE,
                    "deleting the owner of " + persister.getRole()
                            + " would unlink rows this caller may not change; remove them from the"
                            + " collection first",
                    List.of());
        }
    }

    /**
     * The ids of the element entity's rows this flush deletes (cascade, orphan removal):
     * they are not unlinked.
     */
    private static List<Object> deletedIds(SharedSessionContractImplementor session,
            AbstractCollectionPersister persister) {
        List<Object> ids = new ArrayList<>();
        var element = persister.getElementPersister();
        for (var entry : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            EntityEntry entityEntry = entry.getValue();
            if ((entityEntry.getStatus() == Status.DELETED || entityEntry.getStatus() == Status.GONE)
                    && element.isSubclassEntityName(entityEntry.getPersister().getEntityName())
                    && entityEntry.getId() != null) {
                ids.add(entityEntry.getId());
            }
        }
        return ids;
    }

    /**
     * The JPA name of the collection's element entity, or null for values and entities
     * Rowguard does not know.
     */
    private @Nullable String elementEntityOf(AbstractCollectionPersister persister) {
        return persister.getElementType() instanceof EntityType elementType
                ? runtime.jpaName(elementType.getAssociatedEntityName()) : null;
    }

    private static @Nullable AbstractCollectionPersister persister(AbstractCollectionEvent event) {
        return event.getCollectionPersister() instanceof AbstractCollectionPersister persister ? persister : null;
    }

    private static boolean isBeingDeleted(SharedSessionContractImplementor session, Object owner) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(owner);
        return entry != null && (entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE);
    }

    private void requireOwner(Caller caller, String ownerEntity, @Nullable Object ownerId,
            SharedSessionContractImplementor session) {
        SqlCondition condition = runtime.compiler()
            .compile(runtime.policies().rule(ownerEntity, Operation.UPDATE), caller.principal(), null, StoredRows.ALIAS,
                    null);
        if (condition.alwaysTrue()) {
            return;
        }
        EntityModel owner = runtime.policies().model().entity(ownerEntity);
        boolean allowed = !condition.alwaysFalse() && ownerId != null && runtime.storedRows()
            .selectsARow(session,
                    "SELECT 1 FROM " + source(owner, session) + " " + StoredRows.ALIAS + " WHERE " + StoredRows.ALIAS
                            + "." + owner.requiredId().column() + " = ? AND (" + condition.sql() + ")",
                    parameters(List.of(ownerId), condition));
        if (!allowed) {
            throw Denials.denied(runtime, caller, ownerEntity, Operation.UPDATE, null, List.of());
        }
    }

    /**
     * Readable, and for a one-to-many (whose foreign key is the element's own column)
     * also updatable.
     */
    private Bound elementRule(String elementEntity, boolean oneToMany) {
        Bound read = runtime.policies().rule(elementEntity, Operation.READ);
        if (!oneToMany) {
            return read;
        }
        return oneToManyElementRules.computeIfAbsent(elementEntity,
                entity -> new Bound.And(List.of(read, runtime.policies().rule(entity, Operation.UPDATE))));
    }

    /**
     * @param excluded ids of one-to-many elements left out of the check (rows this flush
     * deletes)
     */
    private boolean anyStoredElementFails(AbstractCollectionPersister persister, String elementEntity, Object key,
            List<Object> excluded, SqlCondition condition, SharedSessionContractImplementor session) {
        EntityModel element = runtime.policies().model().entity(elementEntity);
        String keyColumn = single(persister.getKeyColumnNames(), persister);
        String sql;
        if (persister.isOneToMany()) {
            String notExcluded = excluded.isEmpty() ? ""
                    : " AND " + StoredRows.ALIAS + "." + element.requiredId().column() + " NOT IN ("
                            + String.join(", ", Collections.nCopies(excluded.size(), "?")) + ")";
            sql = "SELECT 1 FROM " + source(element, session, keyColumn) + " " + StoredRows.ALIAS + " WHERE "
                    + StoredRows.ALIAS + "." + keyColumn + " = ?" + notExcluded + " AND (" + condition.sql()
                    + ") IS NOT TRUE";
        }
        else {
            sql = "SELECT 1 FROM " + persister.getTableName() + " " + LINK + " WHERE " + LINK + "." + keyColumn + " = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM " + source(element, session) + " " + StoredRows.ALIAS + " WHERE "
                    + StoredRows.ALIAS + "." + element.requiredId().column() + " = " + LINK + "."
                    + single(persister.getElementColumnNames(), persister) + " AND (" + condition.sql() + "))";
        }
        List<Object> leading = new ArrayList<>();
        leading.add(key);
        leading.addAll(excluded);
        return runtime.storedRows().selectsARow(session, sql, parameters(leading, condition));
    }

    private boolean anyElementFails(String elementEntity, List<Object> ids, SqlCondition condition,
            SharedSessionContractImplementor session) {
        if (condition.alwaysFalse()) {
            return true;
        }
        EntityModel element = runtime.policies().model().entity(elementEntity);
        String sql = "SELECT 1 FROM " + source(element, session) + " " + StoredRows.ALIAS + " WHERE " + StoredRows.ALIAS
                + "." + element.requiredId().column() + " IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") AND (" + condition.sql()
                + ") IS NOT TRUE";
        return runtime.storedRows().selectsARow(session, sql, parameters(ids, condition));
    }

    /**
     * Ids of the elements added or removed since the collection was loaded, leaving out
     * rows created in this flush.
     */
    private List<Object> changedElements(PersistentCollection<?> collection, AbstractCollectionPersister persister,
            SharedSessionContractImplementor session) {
        if (!collection.wasInitialized()) {
            return List.of();
        }
        Set<Object> before = identitySet(elementsOf(collection.getStoredSnapshot()));
        Set<Object> after = identitySet(elementsOf(collection));
        Set<Object> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        after.stream().filter(element -> !before.contains(element)).forEach(changed::add);
        before.stream().filter(element -> !after.contains(element)).forEach(changed::add);
        List<Object> ids = new ArrayList<>();
        for (Object element : changed) {
            if (element != null && !created.contains(session, element)) {
                Object id = session.getFactory().getPersistenceUnitUtil().getIdentifier(element);
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static Iterable<?> elementsOf(Object container) {
        if (container instanceof Map<?, ?> map) {
            return map.values();
        }
        if (container instanceof Collection<?> elements) {
            return elements;
        }
        if (container instanceof Object[] array) {
            return List.of(array);
        }
        return List.of();
    }

    private static Set<Object> identitySet(Iterable<?> elements) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Iterator<?> iterator = elements.iterator(); iterator.hasNext();) {
            set.add(iterator.next());
        }
        return set;
    }

    private static String single(String[] columns, AbstractCollectionPersister persister) {
        if (columns.length != 1) {
            throw new IllegalStateException("Rowguard checks collection changes only over single-column keys; "
                    + persister.getRole() + " has " + columns.length + " columns");
        }
        return columns[0];
    }

    private static List<Object> parameters(List<Object> leading, SqlCondition condition) {
        List<Object> all = new ArrayList<>(leading);
        all.addAll(condition.parameters());
        return all;
    }

    private String source(EntityModel entity, SharedSessionContractImplementor session, String... extraColumns) {
        return StoredRowSource.of(runtime.policies().model(), entity, session.getFactory(), extraColumns);
    }

}
