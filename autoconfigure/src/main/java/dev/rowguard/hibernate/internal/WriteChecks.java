package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.List;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Assigned;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.id.CompositeNestedGeneratedValueGenerator;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Checks every insert, update and delete before Hibernate sends it. A rule that reads
 * only the row's own columns is decided in memory (no statement); one that reaches other
 * rows costs one {@code SELECT} over the row's values as they would be, against the
 * database as it is. A denial throws
 * {@link dev.rowguard.policy.PolicyViolationException}, which rolls the transaction back.
 */
final class WriteChecks implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener {

    private final PolicyRuntime runtime;

    private final AuthDefaults authDefaults;

    private final EntitiesCreatedInFlush created;

    private final RowDecisions decisions;

    WriteChecks(PolicyRuntime runtime, EntitiesCreatedInFlush created) {
        this.runtime = runtime;
        this.decisions = runtime.rowDecisions();
        this.created = created;
        this.authDefaults = new AuthDefaults(runtime.policies().model().authAttributes());
    }

    AuthDefaults authDefaults() {
        return authDefaults;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        String entity = runtime.jpaName(event.getPersister().getEntityName());
        Caller caller = CallerContext.current();
        if (entity == null) {
            return false;
        }
        if (!caller.system()) {
            authDefaults.apply(event.getEntity(), event.getState(), event.getPersister(), caller.principal(),
                    event.getSession());
        }
        if (!caller.system() && assignedId(event.getPersister())
                && storedRowExists(event.getPersister(), event.getId(), event.getSession())) {
            // Otherwise the database's duplicate-key error would name the constraint and
            // the key of a row the
            // caller may not be able to see; a taken id is a denied create, whoever can
            // see the row.
            throw Denials.denied(runtime, caller, entity, Operation.CREATE, "the id is already taken", List.of());
        }
        StateRow row = row(entity, event.getPersister(), event.getId(), event.getState(), event.getSession());
        require(caller, entity, Operation.CREATE, row, null, event.getSession());
        created.add(event.getSession(), event.getEntity());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        String entity = runtime.jpaName(event.getPersister().getEntityName());
        Caller caller = CallerContext.current();
        if (entity == null || caller.system()) {
            return false;
        }
        if (event.getOldState() == null) {
            throw withoutStoredState("an update", entity);
        }
        Object[] stored = StoredState.of(runtime, caller, entity, event.getEntity(), event.getId(), event.getOldState(),
                event.getPersister(), event.getSession());
        if (stored == null) {
            throw Denials.denied(runtime, caller, entity, Operation.UPDATE, null, List.of());
        }
        StateRow before = row(entity, event.getPersister(), event.getId(), stored, event.getSession());
        require(caller, entity, Operation.UPDATE, before, null, event.getSession());
        requireChangedFields(caller, entity, event, before);
        StateRow after = row(entity, event.getPersister(), event.getId(), afterUpdate(entity, caller, event, stored),
                event.getSession());
        require(caller, entity, Operation.POST_UPDATE, after, before, event.getSession());
        return false;
    }

    /**
     * The row as the update leaves it. A field hidden from the caller that they left as
     * loaded (null) is not written (dynamic update): it keeps its stored value, which the
     * POST_UPDATE rules must see.
     */
    private Object[] afterUpdate(String entity, Caller caller, PreUpdateEvent event, Object[] stored) {
        if (!runtime.decisionsNeedHiddenFields(entity, caller)) {
            return event.getState();
        }
        Object[] after = event.getState().clone();
        for (String field : runtime.policies().fieldRules().fields(entity, Operation.READ)) {
            int position = position(event, field);
            if (position >= 0 && !changed(event, position)) {
                after[position] = stored[position];
            }
        }
        return after;
    }

    /** The field's place in the state arrays, or -1 when the entity does not map it. */
    private static int position(PreUpdateEvent event, String field) {
        var attribute = event.getPersister().findAttributeMapping(field);
        return attribute == null ? -1 : attribute.getStateArrayPosition();
    }

    /** Whether the update changes the value the session loaded. */
    private static boolean changed(PreUpdateEvent event, int position) {
        return !event.getPersister().getPropertyTypes()[position].isEqual(event.getOldState()[position],
                event.getState()[position]);
    }

    /**
     * Each field the update changes (its value differs from what the session loaded: a
     * hidden field left null as loaded is unchanged) must pass its own UPDATE rule on the
     * row as stored.
     */
    private void requireChangedFields(Caller caller, String entity, PreUpdateEvent event, StateRow before) {
        for (String field : runtime.policies().fieldRules().fields(entity, Operation.UPDATE)) {
            int position = position(event, field);
            if (position < 0 || !changed(event, position)) {
                continue;
            }
            Bound rule = runtime.policies().fieldRules().rule(entity, field, Operation.UPDATE);
            if (!decisions.holds(entity, rule, before, null, caller.principal(), event.getSession())) {
                throw Denials.denied(runtime, caller, entity, Operation.UPDATE,
                        "field " + field + " may not be changed",
                        runtime.policies()
                            .fieldRules()
                            .decidedBy(entity, field, Operation.UPDATE, condition -> decisions.holds(entity, condition,
                                    before, null, caller.principal(), event.getSession())));
            }
        }
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        String entity = runtime.jpaName(event.getPersister().getEntityName());
        Caller caller = CallerContext.current();
        if (entity == null || caller.system()) {
            return false;
        }
        if (event.getDeletedState() == null) {
            throw withoutStoredState("a delete", entity);
        }
        Object[] stored = runtime.decisionsNeedHiddenFields(entity, caller)
                ? StoredState.readBack(event.getPersister(), event.getId(), event.getSession())
                : event.getDeletedState();
        if (stored == null) {
            throw Denials.denied(runtime, caller, entity, Operation.DELETE, null, List.of());
        }
        StateRow row = row(entity, event.getPersister(), event.getId(), stored, event.getSession());
        require(caller, entity, Operation.DELETE, row, null, event.getSession());
        return false;
    }

    /**
     * Whether a row with this id is stored, whoever may read it (plain JDBC, no filter).
     */
    /**
     * Whether the application chose the id (a taken one is then possible): no generator,
     * or a composite id none of whose parts is generated.
     */
    private static boolean assignedId(EntityPersister persister) {
        return persister.getGenerator() instanceof Assigned
                || (persister.getGenerator() instanceof CompositeNestedGeneratedValueGenerator composite
                        && composite.getGenerationPlans().isEmpty());
    }

    /**
     * Whether a row with the id is stored, in the table that holds the id (a JOINED
     * hierarchy's root): one column or several (an {@code @EmbeddedId}).
     */
    private boolean storedRowExists(EntityPersister persister, Object id, SharedSessionContractImplementor session) {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String[] table = { "" };
        persister.getIdentifierMapping().breakDownJdbcValues(id, (index, value, column) -> {
            table[0] = column.getContainingTableExpression();
            columns.add(column.getSelectionExpression() + " = ?");
            values.add(value);
        }, session);
        String sql = "SELECT 1 FROM " + table[0] + " WHERE " + String.join(" AND ", columns);
        return runtime.storedRows().selectsARow(session, sql, values);
    }

    /**
     * A StatelessSession passes no stored state: the values it has came from the caller
     * and prove nothing.
     */
    private static IllegalStateException withoutStoredState(String write, String entity) {
        return new IllegalStateException("Rowguard cannot check " + write + " of " + entity
                + " without the row's stored"
                + " state (a StatelessSession does not load it): use a regular Session/EntityManager, or run the work"
                + " in Rowguard.asSystem if it is not on behalf of a user");
    }

    private void require(Caller caller, String entity, Operation operation, StateRow row, @Nullable StateRow before,
            SharedSessionContractImplementor session) {
        if (caller.system()) {
            return;
        }
        if (!decisions.allows(entity, operation, row, before, caller.principal(), session)) {
            // only on the way to a 403: each deny is asked on its own to name the ones
            // that held
            throw Denials.denied(runtime, caller, entity, operation, null, runtime.policies()
                .decidedBy(entity, operation,
                        condition -> decisions.holds(entity, condition, row, before, caller.principal(), session)));
        }
    }

    private StateRow row(String entity, EntityPersister persister, @Nullable Object id, Object[] state,
            SharedSessionContractImplementor session) {
        return decisions.row(entity, persister, id, state, session);
    }

}
