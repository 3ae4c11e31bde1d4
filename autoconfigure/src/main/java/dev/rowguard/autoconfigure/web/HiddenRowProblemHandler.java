package dev.rowguard.autoconfigure.web;

import dev.rowguard.Rowguard;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.ManagedType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Saving a detached copy of a row the caller cannot read (or one that is gone) makes
 * Hibernate's merge find nothing and report a stale row. For an entity without
 * {@code @Version} that can only mean "not found": 404, naming nothing. A versioned
 * entity's conflict stays a 409. Whether an entity is versioned is read from the JPA
 * metamodel (field or property access, annotations or {@code orm.xml}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class HiddenRowProblemHandler {

    private static final Log decisions = LogFactory.getLog("dev.rowguard.decisions");

    private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

    public HiddenRowProblemHandler(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        this.entityManagerFactories = entityManagerFactories;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    public ResponseEntity<ProblemDetail> staleOrHidden(ObjectOptimisticLockingFailureException ex) {
        boolean versioned = isVersioned(entityClass(ex));
        HttpStatus status = versioned ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
        if (!versioned) {
            logHidden(ex.getPersistentClassName());
        }
        return ProblemResponses.of(status, versioned ? "the row was changed by someone else" : "not found");
    }

    /**
     * With {@code rowguard.policy.hidden-references=unchecked}, touching a to-one
     * relation whose row the caller cannot read fails like a dangling reference: that row
     * does not exist for them.
     */
    @ExceptionHandler({ jakarta.persistence.EntityNotFoundException.class, org.hibernate.EntityFilterException.class,
            org.springframework.orm.ObjectRetrievalFailureException.class })
    public ResponseEntity<ProblemDetail> missingReference(RuntimeException ex) {
        logHidden(ex instanceof org.springframework.orm.ObjectRetrievalFailureException retrieval
                ? retrieval.getPersistentClassName() : null);
        return ProblemResponses.of(HttpStatus.NOT_FOUND, "not found");
    }

    private static void logHidden(@Nullable String entity) {
        if (decisions.isDebugEnabled()) {
            decisions.debug("Answered 404 for a" + (entity == null ? "" : " " + ClassUtils.getShortName(entity))
                    + " row that does not exist for "
                    + Rowguard.currentPrincipal()
                        .map(principal -> "'" + principal.id() + "'")
                        .orElse("an anonymous caller")
                    + " (hidden by its read rule, or gone)");
        }
    }

    // Hibernate's translation names the entity rather than giving its class.
    private static @Nullable Class<?> entityClass(ObjectOptimisticLockingFailureException ex) {
        if (ex.getPersistentClass() != null) {
            return ex.getPersistentClass();
        }
        String name = ex.getPersistentClassName();
        if (name == null) {
            return null;
        }
        try {
            return ClassUtils.forName(name, Thread.currentThread().getContextClassLoader());
        }
        catch (ClassNotFoundException | LinkageError ex2) {
            return null;
        }
    }

    boolean isVersioned(@Nullable Class<?> entity) {
        if (entity == null) {
            return false;
        }
        for (EntityManagerFactory factory : (Iterable<EntityManagerFactory>) entityManagerFactories
            .orderedStream()::iterator) {
            ManagedType<?> type;
            try {
                type = factory.getMetamodel().managedType(entity);
            }
            catch (IllegalArgumentException notManagedHere) {
                continue;
            }
            return type instanceof IdentifiableType<?> identifiable && identifiable.hasVersionAttribute();
        }
        return false;
    }

}
