package dev.rowguard.autoconfigure.jpa;

import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import dev.rowguard.hibernate.internal.PolicyRuntime;
import dev.rowguard.hibernate.internal.PolicyRuntimes;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** Turns on the current caller's read filters in every EntityManager Spring creates. */
final class CurrentCallerEntityManagerInitializer implements Consumer<EntityManager> {

    @Override
    public void accept(EntityManager entityManager) {
        PolicyRuntime runtime = PolicyRuntimes.of(entityManager.getEntityManagerFactory().unwrap(SessionFactory.class));
        if (runtime != null) {
            runtime.applyCurrentCaller(entityManager.unwrap(Session.class));
        }
    }

}
