package dev.rowguard.autoconfigure.jpa;

import java.util.function.Function;

import dev.rowguard.hibernate.internal.SessionLocators;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds a session among the entity managers Spring binds to the current thread (a
 * transaction's, open-in-view's, one handed to an asynchronous request's thread), for
 * Rowguard's query translator when the session is first read on a thread other than the
 * one that opened it.
 */
final class ThreadBoundSessions
        implements Function<LoadQueryInfluencers, @Nullable SharedSessionContractImplementor>, DisposableBean {

    ThreadBoundSessions() {
        SessionLocators.add(this);
    }

    @Override
    public @Nullable SharedSessionContractImplementor apply(LoadQueryInfluencers influencers) {
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof EntityManagerHolder holder && holder.getEntityManager().isOpen()) {
                SharedSessionContractImplementor session = holder.getEntityManager()
                    .unwrap(SharedSessionContractImplementor.class);
                if (session.getLoadQueryInfluencers() == influencers) {
                    return session;
                }
            }
        }
        return null;
    }

    @Override
    public void destroy() {
        SessionLocators.remove(this);
    }

}
