package dev.rowguard.autoconfigure.jpa;

import jakarta.persistence.EntityManager;

import dev.rowguard.context.CallerContext;
import dev.rowguard.context.internal.CallerSwitches;
import dev.rowguard.hibernate.internal.PolicyRuntime;
import dev.rowguard.hibernate.internal.PolicyRuntimes;
import dev.rowguard.postgres.internal.SessionClaims;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When {@code Rowguard.runAs} / {@code asSystem} switch callers inside a transaction:
 * flushes pending changes first (they are checked as the caller who made them) and clears
 * the persistence context (so nothing loaded for one caller is served to the other from
 * it), then re-selects the read filters of the transaction's EntityManagers for the new
 * caller. Entities loaded before the switch are detached afterwards.
 */
final class CallerSwitchSynchronizer implements CallerSwitches.SwitchListener, DisposableBean {

    private final boolean sessionClaims;

    CallerSwitchSynchronizer(boolean sessionClaims) {
        this.sessionClaims = sessionClaims;
        CallerSwitches.addListener(this);
    }

    @Override
    public void beforeSwitch() {
        forEachTransactionalSession((entityManager, session, runtime) -> {
            if (entityManager.isJoinedToTransaction() && session.isDirty()) {
                session.flush();
            }
            // What one caller loaded must not answer another caller's find() from the
            // persistence context.
            session.clear();
        });
    }

    @Override
    public void afterSwitch() {
        forEachTransactionalSession((entityManager, session, runtime) -> {
            runtime.followCaller(session);
            if (sessionClaims && entityManager.isJoinedToTransaction()) {
                SessionClaims.apply(session, CallerContext.current());
            }
        });
    }

    @Override
    public void destroy() {
        CallerSwitches.removeListener(this);
    }

    private static void forEachTransactionalSession(SessionAction action) {
        // EntityManagers bound without a transaction (open-in-view, a shared persistence
        // context) count too.
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof EntityManagerHolder holder && holder.getEntityManager().isOpen()) {
                EntityManager entityManager = holder.getEntityManager();
                PolicyRuntime runtime = PolicyRuntimes
                    .of(entityManager.getEntityManagerFactory().unwrap(SessionFactory.class));
                if (runtime != null) {
                    action.apply(entityManager, entityManager.unwrap(Session.class), runtime);
                }
            }
        }
    }

    @FunctionalInterface
    private interface SessionAction {

        void apply(EntityManager entityManager, Session session, PolicyRuntime runtime);

    }

}
