package dev.rowguard.hibernate.internal;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * Work in the caller's transaction when there is one (its persistence context, its
 * caller), else in a short EntityManager of its own, closed afterwards.
 */
public final class CurrentOrOwnEntityManager {

    private CurrentOrOwnEntityManager() {
    }

    public static <T> T apply(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager current = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
        if (current != null) {
            return work.apply(current);
        }
        EntityManager own = factory.createEntityManager();
        try {
            return work.apply(own);
        }
        finally {
            own.close();
        }
    }

}
