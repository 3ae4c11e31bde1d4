package dev.rowguard.hibernate;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyViolationException;
import org.assertj.core.api.ThrowableAssert;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs work in a transaction as a caller, and asserts denials, for the enforcement tests.
 */
final class Enforcement {

    private final EntityManager em;

    private final TransactionTemplate tx;

    Enforcement(EntityManager em, TransactionTemplate tx) {
        this.em = em;
        this.tx = tx;
    }

    <T> T as(AuthPrincipal principal, Function<EntityManager, T> work) {
        return Rowguard.runAs(principal, (Supplier<T>) () -> tx.execute(status -> work.apply(em)));
    }

    <T> T asSystem(Function<EntityManager, T> work) {
        return Rowguard.asSystem((Supplier<T>) () -> tx.execute(status -> work.apply(em)));
    }

    <T> T persistAsSystem(T entity) {
        return asSystem(em -> {
            em.persist(entity);
            return entity;
        });
    }

    static void assertDenied(ThrowableAssert.ThrowingCallable work, String entity, Operation operation) {
        Throwable thrown = catchThrowable(work);
        assertThat(thrown).as("a denied write").isNotNull();
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof PolicyViolationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("PolicyViolationException in the cause chain of %s", thrown).isNotNull();
        PolicyViolationException violation = (PolicyViolationException) cause;
        assertThat(violation.entity()).isEqualTo(entity);
        assertThat(violation.operation()).isEqualTo(operation);
    }

}
