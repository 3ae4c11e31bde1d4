package dev.rowguard.hibernate.internal;

import java.util.List;

import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;

import org.hibernate.SessionEventListener;
import org.hibernate.engine.extension.spi.Extension;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * The caller a session's read filters were chosen for, and the filters that must stay
 * enabled for it. Before every statement the session prepares, and before every load by
 * id (which the persistence context may answer without a statement), it verifies that the
 * thread's caller is still that caller and that none of those filters was disabled: a
 * caller switched without {@code Rowguard.runAs} / {@code asSystem} (Spring Security's
 * context set inside an open session) or {@code Session.disableFilter} on Rowguard's
 * filters fails the operation instead of serving one caller's rows to another, or every
 * row.
 */
public final class SessionCaller implements Extension, SessionEventListener {

    private final SharedSessionContractImplementor session;

    private final PolicyRuntime runtime;

    private @Nullable Caller caller;

    private List<String> requiredFilters = List.of();

    // the row-driven twin of each required filter (null for filters without one)
    private List<@Nullable String> rowDrivenTwins = List.of();

    // whether the twins stand in for the required filters (a load or query by id runs)
    private boolean rowDriven;

    // the swap a load asked for on demand made, to undo when the load ends
    private RowDrivenScope swappedOnDemand = RowDrivenScope.NONE;

    // the session whose load by id reads row-driven once it builds a statement, per
    // thread
    private static final ThreadLocal<SessionCaller> LOADING_ROW_DRIVEN = new ThreadLocal<>();

    SessionCaller(SharedSessionContractImplementor session, PolicyRuntime runtime) {
        this.session = session;
        this.runtime = runtime;
        SessionCallers.opened(this);
    }

    /** The session's influencers (null while Hibernate constructs the session). */
    @Nullable LoadQueryInfluencers influencers() {
        return session.getLoadQueryInfluencers();
    }

    boolean isClosed() {
        return session.isClosed();
    }

    /** Whether Rowguard has chosen this session's filters for a caller. */
    boolean hasChosen() {
        return caller != null;
    }

    /**
     * Called when Rowguard has enabled the filters of {@code caller} in the session (and
     * disabled every row-driven twin).
     */
    void chosen(Caller caller, List<String> requiredFilters, List<@Nullable String> rowDrivenTwins) {
        if (this.caller == null) {
            SessionCallers.register(session.getLoadQueryInfluencers(), this);
        }
        this.caller = caller;
        this.requiredFilters = requiredFilters;
        this.rowDrivenTwins = rowDrivenTwins;
        this.rowDriven = false;
    }

    /**
     * Until closed, the session reads through the row-driven twins of its filters: the
     * same conditions, written to probe related rows from the row at hand, which suits a
     * load or query of one row by id (the set-oriented form builds the sets a page
     * needs). Nested scopes, and sessions without a chosen caller, change nothing.
     */
    RowDrivenScope rowDriven() {
        if (rowDriven || caller == null || rowDrivenTwins.isEmpty()) {
            return RowDrivenScope.NONE;
        }
        var influencers = session.getLoadQueryInfluencers();
        for (int i = 0; i < requiredFilters.size(); i++) {
            String twin = rowDrivenTwins.get(i);
            if (twin != null) {
                influencers.enableFilter(twin);
                influencers.disableFilter(requiredFilters.get(i));
            }
        }
        rowDriven = true;
        List<String> required = requiredFilters;
        return () -> {
            // unless the filters were chosen again meanwhile (which drops the twins)
            if (rowDriven && required == requiredFilters) {
                for (int i = 0; i < required.size(); i++) {
                    String twin = rowDrivenTwins.get(i);
                    if (twin != null) {
                        influencers.enableFilter(required.get(i));
                        influencers.disableFilter(twin);
                    }
                }
                rowDriven = false;
            }
        };
    }

    /**
     * Until closed, a load by id in this session reads through the row-driven twins,
     * swapped in only when the load builds its statement ({@link #swapForLoad}): a kept
     * load plan, built row-driven for the same filters and values, is used without
     * swapping (the plan holds the values it binds). Nested loads of the session share
     * the outer scope.
     */
    RowDrivenScope rowDrivenOnDemand() {
        SessionCaller outer = LOADING_ROW_DRIVEN.get();
        if (rowDriven || caller == null || rowDrivenTwins.isEmpty() || outer == this) {
            return RowDrivenScope.NONE;
        }
        LOADING_ROW_DRIVEN.set(this);
        return () -> {
            if (outer == null) {
                LOADING_ROW_DRIVEN.remove();
            }
            else {
                LOADING_ROW_DRIVEN.set(outer);
            }
            RowDrivenScope swapped = swappedOnDemand;
            swappedOnDemand = RowDrivenScope.NONE;
            swapped.close();
        };
    }

    /**
     * The caller of the session with these influencers when a load of it waits to read
     * through the row-driven twins not yet swapped in, else null.
     */
    static @Nullable SessionCaller waitingForRowDriven(LoadQueryInfluencers influencers) {
        SessionCaller loading = LOADING_ROW_DRIVEN.get();
        return loading != null && !loading.rowDriven && loading.session.getLoadQueryInfluencers() == influencers
                ? loading : null;
    }

    /** Swaps in the row-driven twins the load running asked for, before it builds SQL. */
    void swapForLoad() {
        if (LOADING_ROW_DRIVEN.get() == this && !rowDriven) {
            swappedOnDemand = rowDriven();
        }
    }

    /** The end of a {@link #rowDriven()} scope. */
    @FunctionalInterface
    interface RowDrivenScope extends AutoCloseable {

        RowDrivenScope NONE = () -> {
        };

        @Override
        void close();

    }

    /**
     * Before a statement that reads through the filters is built (a query translated, a
     * load): the session's filters are chosen when it first needs them, so a transaction
     * that reads nothing sets nothing up. Until then only the gate is enabled, and
     * anything built without asking here reads nothing; a gate disabled or given a value
     * meanwhile fails the read, as {@link #verify()} fails a statement. A session that
     * has chosen is brought up to date ({@link #ensureCurrent()}).
     */
    void beforeRead() {
        if (caller == null) {
            verify();
            runtime.applyCurrentCaller((org.hibernate.Session) session);
        }
        else {
            ensureCurrent();
        }
    }

    /** {@link #beforeRead()} for the session's caller, if it has one. */
    static void beforeRead(SharedSessionContractImplementor session) {
        SessionCaller caller = session.getExtension(SessionCaller.class);
        if (caller != null) {
            caller.beforeRead();
        }
    }

    /**
     * Before a statement is built (a query translated, a load by id, a persist or merge):
     * when the thread's caller changed and the session holds nothing yet (no entity, no
     * collection, no pending write), the filters are chosen again for the new caller,
     * nothing of the former one being there to mix (a test's transaction opened before
     * {@code @WithMockUser} set the user, a login endpoint that sets the context before
     * its first query). Otherwise the check before the statement fails it.
     */
    void ensureCurrent() {
        if (caller == null || caller.equals(CallerContext.current()) || !holdsNothing()) {
            return;
        }
        runtime.applyCurrentCaller((org.hibernate.Session) session);
    }

    private boolean holdsNothing() {
        var persistenceContext = session.getPersistenceContextInternal();
        return persistenceContext.getNumberOfManagedEntities() == 0
                && persistenceContext.getCollectionEntriesSize() == 0
                && !(session instanceof SessionImplementor stateful && stateful.getActionQueue().hasAnyQueuedActions());
    }

    @Override
    public void jdbcPrepareStatementStart() {
        verify();
    }

    /**
     * Fails unless the session's filters are still those of the thread's current caller.
     */
    void verify() {
        List<String> required = caller == null ? runtime.gateNames() : requiredFilters;
        if (caller != null) {
            Caller current = CallerContext.current();
            if (!caller.equals(current)) {
                throw new IllegalStateException("Rowguard: the caller changed inside an open session (from "
                        + describe(caller) + " to " + describe(current) + ") without Rowguard.runAs or"
                        + " Rowguard.asSystem, so the session's row filters and what it has loaded belong to the"
                        + " former caller. Switch callers with Rowguard.runAs / Rowguard.asSystem, or set Spring"
                        + " Security's context before the transaction starts.");
            }
        }
        for (int i = 0; i < required.size(); i++) {
            String name = required.get(i);
            String twin = rowDriven && caller != null ? rowDrivenTwins.get(i) : null;
            org.hibernate.Filter filter = session.getLoadQueryInfluencers()
                .getEnabledFilter(twin != null ? twin : name);
            if (filter instanceof org.hibernate.internal.FilterImpl impl && !impl.getParameters().isEmpty()) {
                // a value set on the filter wins over Rowguard's resolver: another
                // caller's rows
                throw new IllegalStateException("Rowguard: a parameter of its row filter " + name + " was set in"
                        + " this session (Filter.setParameter). Rowguard's filters take their values from the"
                        + " caller only; run work that must see other rows in Rowguard.asSystem.");
            }
            if (filter == null) {
                throw new IllegalStateException("Rowguard: its row filter " + name + " was disabled in this session"
                        + " (Session.disableFilter). Rowguard's filters cannot be turned off for a caller; run work"
                        + " that must see every row in Rowguard.asSystem.");
            }
        }
    }

    private static String describe(Caller caller) {
        return caller.system() ? "the system context"
                : caller.principal() == null ? "an anonymous caller" : "user " + caller.principal().id();
    }

}
