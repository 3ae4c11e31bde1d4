package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyViolationException;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.ForeignKeys;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.sql.SqlCondition;
import dev.rowguard.policy.internal.sql.SqlValues;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Checks every insert, update and delete before Hibernate sends it. A rule that reads
 * only the row's own columns is decided in memory (no statement); one that reaches other
 * rows costs one {@code SELECT} over the row's values as they would be, against the
 * database as it is. A denial throws {@link PolicyViolationException}, which rolls the
 * transaction back.
 */
final class WriteChecks implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener {

    private final PolicyRuntime runtime;

    private final AuthDefaults authDefaults;

    private final EntitiesCreatedInFlush created;

    WriteChecks(PolicyRuntime runtime, EntitiesCreatedInFlush created) {
        this.runtime = runtime;
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
        if (!caller.system() && event.getPersister().getGenerator() instanceof org.hibernate.generator.Assigned
                && storedRowExists(entity, event.getId(), event.getSession())) {
            // Otherwise the database's duplicate-key error would name the constraint and
            // the key of a row the
            // caller may not be able to see; a taken id is a denied create, whoever can
            // see the row.
            throw new PolicyViolationException(entity, Operation.CREATE, "the id is already taken");
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
        Object[] stored = event.getOldState();
        if (!LoadedStateMarks.isAsStored(event.getSession(), event.getEntity(), stored)) {
            stored = event.getPersister().getDatabaseSnapshot(event.getId(), event.getSession());
            if (stored == null) {
                throw new PolicyViolationException(entity, Operation.UPDATE);
            }
        }
        StateRow before = row(entity, event.getPersister(), event.getId(), stored, event.getSession());
        require(caller, entity, Operation.UPDATE, before, null, event.getSession());
        StateRow after = row(entity, event.getPersister(), event.getId(), event.getState(), event.getSession());
        require(caller, entity, Operation.POST_UPDATE, after, before, event.getSession());
        return false;
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
        StateRow row = row(entity, event.getPersister(), event.getId(), event.getDeletedState(), event.getSession());
        require(caller, entity, Operation.DELETE, row, null, event.getSession());
        return false;
    }

    /**
     * Whether a row with this id is stored, whoever may read it (plain JDBC, no filter).
     */
    private boolean storedRowExists(String entity, Object id, SharedSessionContractImplementor session) {
        EntityModel model = runtime.policies().model().entity(entity);
        String sql = "SELECT 1 FROM " + model.table() + " WHERE " + model.id().column() + " = ?";
        return runtime.storedRows()
            .selectsARow(session, sql, List.of(SqlValues.toJdbc(Values.normalize(id), model.id().javaType())));
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

    private void require(Caller caller, String entity, Operation operation, StateRow row, StateRow before,
            SharedSessionContractImplementor session) {
        if (caller.system()) {
            return;
        }
        PolicySet policies = runtime.policies();
        Bound rule = policies.rule(entity, operation);
        boolean allowed = policies.isOwnColumnsOnly(entity, operation)
                ? Evaluator.test(rule, row, caller.principal(), before, policies)
                : queryAllows(entity, rule, row, before, caller, session);
        if (!allowed) {
            throw new PolicyViolationException(entity, operation);
        }
    }

    /**
     * {@code SELECT 1 FROM (<the row's values, typed like the table>) rg_row WHERE <rule>}.
     */
    private boolean queryAllows(String entity, Bound rule, StateRow row, StateRow before, Caller caller,
            SharedSessionContractImplementor session) {
        EntityModel model = runtime.policies().model().entity(entity);
        SqlCondition condition = runtime.compiler().compile(rule, caller.principal(), before, StoredRows.ALIAS, null);
        if (condition.alwaysFalse() || condition.alwaysTrue()) {
            return condition.alwaysTrue();
        }
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Attribute attribute : model.attributes().values()) {
            Attribute.Scalar column = asColumn(attribute);
            if (column != null) {
                columns.add(column.column());
                values.add(SqlValues.toJdbc(Values.normalize(row.value(column)), column.javaType()));
            }
        }
        String sql = "SELECT 1 FROM (SELECT " + String.join(", ", columns) + " FROM " + model.table()
                + " WHERE FALSE UNION ALL SELECT " + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") "
                + StoredRows.ALIAS + " WHERE " + condition.sql();
        values.addAll(condition.parameters());
        return runtime.storedRows().selectsARow(session, sql, values);
    }

    private Attribute.Scalar asColumn(Attribute attribute) {
        if (attribute instanceof Attribute.Scalar scalar) {
            return scalar;
        }
        if (attribute instanceof Attribute.ToOne toOne) {
            return ForeignKeys.asScalar(toOne, runtime.policies().model().entity(toOne.targetEntity()).id());
        }
        return null;
    }

    private StateRow row(String entity, EntityPersister persister, Object id, Object[] state,
            SharedSessionContractImplementor session) {
        return new StateRow(runtime.policies().model(), runtime.policies().model().entity(entity), persister, id, state,
                session);
    }

}
