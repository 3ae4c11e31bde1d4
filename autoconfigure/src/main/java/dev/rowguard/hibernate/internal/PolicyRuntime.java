package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.PolicyViolationException;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.sql.FilterShapes;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlValues;

import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Everything Rowguard enforces for one session factory: the compiled policies, the read
 * filters of each protected entity, and the compiler used by write checks.
 */
public final class PolicyRuntime {

    /**
     * A filter attached to nothing, enabled for every non-system caller: Hibernate does
     * not reuse query plans while a filter is enabled, so no plan translated for one
     * caller serves another.
     */
    static final String CALLER_MARKER = "rowguard_caller";

    /**
     * The always-false filter on every protected entity and collection, enabled in every
     * session until Rowguard has chosen its caller's filters.
     */
    static final String GATE = "rowguard_gate";

    private static final List<String> GATES = List.of(GATE);

    private final PolicySet policies;

    private final SqlCompiler compiler;

    private final Map<String, ReadFilters> readFilters = new LinkedHashMap<>();

    private final Set<String> ownFilters = new java.util.HashSet<>(List.of(GATE, CALLER_MARKER));

    private final Map<String, String> jpaNameOfEntityName;

    private final StoredRows storedRows;

    private final RowDecisions rowDecisions = new RowDecisions(this);

    private final ThreadLocal<CallerFilters> callerFilters = new ThreadLocal<>();

    private @Nullable FieldMasks fieldMasks;

    PolicyRuntime(PolicySet policies, Map<String, String> jpaNameOfEntityName, boolean sessionClaims) {
        this.policies = policies;
        this.storedRows = new StoredRows(sessionClaims);
        this.compiler = new SqlCompiler(policies.model(), policies);
        this.jpaNameOfEntityName = jpaNameOfEntityName;
    }

    void addReadFilters(ReadFilters filters) {
        readFilters.put(filters.entity(), filters);
        ownFilters.addAll(filters.shapeFilterNames());
        ownFilters.addAll(filters.rowDrivenFilterNames());
    }

    /**
     * Whether the filter is one of Rowguard's (a shape, a twin, the gate or the marker).
     */
    boolean ownsFilter(String name) {
        return ownFilters.contains(name);
    }

    public PolicySet policies() {
        return policies;
    }

    private final List<Consumer<PolicyViolationException>> denialListeners = new CopyOnWriteArrayList<>();

    /** Told every denied write of this persistence unit, e.g. to count them. */
    public void addDenialListener(Consumer<PolicyViolationException> listener) {
        denialListeners.add(listener);
    }

    public void removeDenialListener(Consumer<PolicyViolationException> listener) {
        denialListeners.remove(listener);
    }

    void denied(PolicyViolationException denial) {
        denialListeners.forEach(listener -> listener.accept(denial));
    }

    /** The read-filter shapes of each protected entity. */
    public Map<String, List<FilterShapes.FilterShape>> readFilterShapes() {
        Map<String, List<FilterShapes.FilterShape>> shapes = new java.util.LinkedHashMap<>();
        readFilters.values().forEach(filters -> shapes.put(filters.entity(), filters.shapes()));
        return shapes;
    }

    SqlCompiler compiler() {
        return compiler;
    }

    void useFieldMasks(FieldMasks masks) {
        this.fieldMasks = masks;
    }

    /** Whether some field has read rules (its column is masked). */
    boolean masksFields() {
        FieldMasks masks = fieldMasks;
        return masks != null && !masks.isEmpty();
    }

    /**
     * Whether a decision on the entity must read the row back with every field as stored:
     * what the session loaded for the caller has hidden fields as null, and a rule reads
     * one of them.
     */
    boolean decisionsNeedHiddenFields(String entity, Caller caller) {
        FieldMasks masks = fieldMasks;
        return masks != null && masks.decisionsNeedHiddenFields(entity, caller);
    }

    /**
     * Whether a rule holds for a row: one for the write checks and the permission checks.
     */
    RowDecisions rowDecisions() {
        return rowDecisions;
    }

    StoredRows storedRows() {
        return storedRows;
    }

    Collection<ReadFilters> readFilters() {
        return readFilters.values();
    }

    /**
     * The JPA name of a Hibernate entity name, or null when Rowguard does not know the
     * entity.
     */
    @Nullable String jpaName(String entityName) {
        return jpaNameOfEntityName.get(entityName);
    }

    /**
     * After the thread's caller switched with the session open: a session that has chosen
     * its filters reads through the new caller's; one that has not read yet chooses them
     * when it first reads.
     */
    public void followCaller(Session session) {
        SessionCaller sessionCaller = session.unwrap(SharedSessionContractImplementor.class)
            .getExtension(SessionCaller.class);
        if (sessionCaller == null || sessionCaller.hasChosen()) {
            applyCurrentCaller(session);
        }
    }

    /**
     * Enables, in the session, the read filters of the current caller: the shape each
     * protected entity's rule folds to, or none at all in the system context.
     */
    public void applyCurrentCaller(Session session) {
        Caller caller = CallerContext.current();
        SessionCaller sessionCaller = session.unwrap(SharedSessionContractImplementor.class)
            .getExtension(SessionCaller.class);
        // A session Rowguard has not chosen filters for yet holds only the gate Hibernate
        // enabled when it opened it: nothing to look up (once per transaction).
        boolean fresh = sessionCaller != null && !sessionCaller.hasChosen();
        var influencers = session.unwrap(SharedSessionContractImplementor.class).getLoadQueryInfluencers();
        CallerFilters chosen = callerFilters(caller);
        if (fresh) {
            influencers.disableFilter(GATE);
            for (String name : chosen.required()) {
                influencers.enableFilter(name);
            }
        }
        else {
            Set<String> wanted = Set.copyOf(chosen.required());
            for (ReadFilters filters : readFilters.values()) {
                for (String name : filters.shapeFilterNames()) {
                    boolean enabled = session.getEnabledFilter(name) != null;
                    if (wanted.contains(name) && !enabled) {
                        session.enableFilter(name);
                    }
                    else if (!wanted.contains(name) && enabled) {
                        session.disableFilter(name);
                    }
                }
                for (String name : filters.rowDrivenFilterNames()) {
                    if (session.getEnabledFilter(name) != null) {
                        session.disableFilter(name);
                    }
                }
            }
            if (session.getEnabledFilter(GATE) != null) {
                session.disableFilter(GATE);
            }
            boolean marked = session.getEnabledFilter(CALLER_MARKER) != null;
            if (!caller.system() && !marked) {
                session.enableFilter(CALLER_MARKER);
            }
            else if (caller.system() && marked) {
                session.disableFilter(CALLER_MARKER);
            }
        }
        if (Denials.decisions.isTraceEnabled()) {
            traceChoice(caller);
        }
        if (sessionCaller != null) {
            sessionCaller.chosen(caller, chosen.required(), chosen.rowDrivenTwins());
        }
    }

    /**
     * The filters a caller reads through (its shape of each entity's rule, and the caller
     * marker), with their row-driven twins (null where there is none), remembered per
     * thread while the caller stays the same.
     */
    private CallerFilters callerFilters(Caller caller) {
        CallerFilters current = callerFilters.get();
        if (current != null && current.caller().system() == caller.system()
                && current.caller().principal() == caller.principal()) {
            return current;
        }
        List<String> required = new ArrayList<>();
        List<@Nullable String> rowDriven = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        values.add(caller.system());
        if (!caller.system()) {
            for (ReadFilters filters : readFilters.values()) {
                FilterShapes.Selection selection = filters.selectionFor(caller.principal());
                FilterShapes.FilterShape shape = selection.shape();
                if (!shape.alwaysTrue()) {
                    required.add(filters.shapeFilterName(shape.id()));
                    rowDriven.add(filters.rowDrivenFilterName(shape.id()));
                }
                values.add(selection.parameters());
            }
            required.add(CALLER_MARKER);
            rowDriven.add(null);
        }
        CallerFilters chosen = new CallerFilters(caller, List.copyOf(required),
                java.util.Collections.unmodifiableList(rowDriven), new FilterValues(values));
        callerFilters.set(chosen);
        return chosen;
    }

    private record CallerFilters(Caller caller, List<String> required, List<@Nullable String> rowDrivenTwins,
            FilterValues values) {
    }

    /**
     * The values the current caller's filters bind, whichever of them are enabled: equal
     * for two callers exactly when every filter of every entity binds equal values.
     */
    FilterValues currentFilterValues() {
        return callerFilters(CallerContext.current()).values();
    }

    /**
     * Whether the caller is the system, and the parameters of every entity's filter shape
     * for it, hashed once.
     */
    static final class FilterValues {

        private final List<Object> values;

        private final int hash;

        FilterValues(List<Object> values) {
            this.values = List.copyOf(values);
            this.hash = this.values.hashCode();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other == this
                    || other instanceof FilterValues that && hash == that.hash && values.equals(that.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

    }

    private void traceChoice(Caller caller) {
        StringBuilder trace = new StringBuilder();
        if (!caller.system()) {
            for (ReadFilters filters : readFilters.values()) {
                FilterShapes.FilterShape shape = filters.selectionFor(caller.principal()).shape();
                trace.append("\n  ")
                    .append(filters.entity())
                    .append(": ")
                    .append(shape.alwaysTrue() ? "every row" : "shape " + shape.id() + ", " + shape.sql());
            }
        }
        Denials.decisions.trace("Session reads as "
                + (caller.system() ? "the system: every row"
                        : caller.principal() == null ? "an anonymous caller" : "'" + caller.principal().id() + "'")
                + trace);
    }

    /**
     * The always-false gates, enabled in every session until Rowguard has chosen its
     * caller's filters.
     */
    List<String> gateNames() {
        return readFilters.isEmpty() ? List.of() : GATES;
    }

    /**
     * Whether the caller's rule for the operation holds for every row, whatever its
     * values.
     */
    boolean allowsRegardlessOfRow(String entity, Operation operation, @Nullable AuthPrincipal principal) {
        return compiler.compile(policies.rule(entity, operation), principal, null, "rg_bulk", null).alwaysTrue();
    }

    /**
     * A filter parameter's value for the current caller; fails loudly if the session's
     * filters are stale.
     */
    Object parameter(ReadFilters filters, FilterShapes.FilterShape shape, int index) {
        Caller caller = CallerContext.current();
        FilterShapes.Selection selection = caller.system() ? null : filters.selectionFor(caller.principal());
        if (selection == null || selection.shape().id() != shape.id()) {
            throw new IllegalStateException("Rowguard: the caller changed inside an open session without "
                    + "Rowguard.runAs/asSystem, so the session's row filters for " + filters.entity()
                    + " no longer match. Switch callers with Rowguard.runAs or Rowguard.asSystem.");
        }
        return SqlValues.toJava(selection.parameters().get(index),
                Objects.requireNonNull(shape.parameterTypes().get(index)));
    }

}
