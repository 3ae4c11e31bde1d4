package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.ForeignKeys;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.sql.SqlCondition;
import dev.rowguard.policy.internal.sql.SqlValues;
import org.jspecify.annotations.Nullable;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Whether a rule holds for one row given as values (a row to write, or one as loaded): in
 * memory when the rule reads only the row's own columns, else with one {@code SELECT}
 * over the row's values against the database as it is. Shared by the write checks and the
 * permission checks, so both decide alike.
 */
final class RowDecisions {

    private final PolicyRuntime runtime;

    private final Map<String, RowSelect> rowSelects = new ConcurrentHashMap<>();

    RowDecisions(PolicyRuntime runtime) {
        this.runtime = runtime;
    }

    /** Whether the entity's rule for the operation allows the row. */
    boolean allows(String entity, Operation operation, StateRow row, @Nullable StateRow before,
            @Nullable AuthPrincipal principal, SharedSessionContractImplementor session) {
        PolicySet policies = runtime.policies();
        Bound rule = policies.rule(entity, operation);
        return policies.isOwnColumnsOnly(entity, operation) ? Evaluator.test(rule, row, principal, before, policies)
                : queryAllows(entity, rule, row, before, principal, session);
    }

    /** Whether one condition (one rule's {@code when}) holds for the row. */
    boolean holds(String entity, Bound condition, StateRow row, @Nullable StateRow before,
            @Nullable AuthPrincipal principal, SharedSessionContractImplementor session) {
        return PolicySet.isOwnColumnsOnly(condition)
                ? Evaluator.test(condition, row, principal, before, runtime.policies())
                : queryAllows(entity, condition, row, before, principal, session);
    }

    StateRow row(String entity, EntityPersister persister, @Nullable Object id, Object[] state,
            SharedSessionContractImplementor session) {
        return new StateRow(runtime.policies().model(), runtime.policies().model().entity(entity), persister, id, state,
                session);
    }

    /**
     * {@code SELECT 1 FROM (<the row's values, typed like the table>) rg_row WHERE <rule>}.
     */
    private boolean queryAllows(String entity, Bound rule, StateRow row, @Nullable StateRow before,
            @Nullable AuthPrincipal principal, SharedSessionContractImplementor session) {
        SqlCondition condition = runtime.compiler().compile(rule, principal, before, StoredRows.ALIAS, null);
        if (condition.alwaysFalse() || condition.alwaysTrue()) {
            return condition.alwaysTrue();
        }
        RowSelect select = rowSelects.computeIfAbsent(entity, key -> rowSelect(key, session));
        List<Object> values = new ArrayList<>(select.columns().size() + condition.parameters().size());
        for (Attribute.Scalar column : select.columns()) {
            values.add(SqlValues.toJdbc(Values.normalize(row.value(column)), column.javaType()));
        }
        values.addAll(condition.parameters());
        return runtime.storedRows().selectsARow(session, select.prefix() + condition.sql(), values);
    }

    /** The row's columns, typed like the table's, up to the {@code WHERE} of the rule. */
    private RowSelect rowSelect(String entity, SharedSessionContractImplementor session) {
        EntityModel model = runtime.policies().model().entity(entity);
        List<Attribute.Scalar> columns = new ArrayList<>();
        for (Attribute attribute : model.attributes().values()) {
            Attribute.Scalar column = asColumn(attribute);
            if (column != null) {
                columns.add(column);
            }
        }
        String source = StoredRowSource.of(runtime.policies().model(), model, session.getFactory());
        String prefix = "SELECT 1 FROM (SELECT "
                + String.join(", ", columns.stream().map(Attribute.Scalar::column).toList()) + " FROM " + source
                + " rg_typed WHERE FALSE UNION ALL SELECT "
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") " + StoredRows.ALIAS + " WHERE ";
        return new RowSelect(List.copyOf(columns), prefix);
    }

    private record RowSelect(List<Attribute.Scalar> columns, String prefix) {
    }

    private Attribute.@Nullable Scalar asColumn(Attribute attribute) {
        if (attribute instanceof Attribute.Scalar scalar) {
            return scalar;
        }
        if (attribute instanceof Attribute.ToOne toOne) {
            return ForeignKeys.asScalar(toOne, runtime.policies().model().entity(toOne.targetEntity()).requiredId());
        }
        return null;
    }

}
