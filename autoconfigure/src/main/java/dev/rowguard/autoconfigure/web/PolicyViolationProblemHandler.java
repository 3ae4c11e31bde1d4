package dev.rowguard.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import dev.rowguard.policy.PolicyViolationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A denied write is a 403 {@code application/problem+json} naming the entity and the
 * operation, never the row's data, also when it surfaces wrapped by a transaction commit.
 */
@RestControllerAdvice
// Last: Spring matches an advice on an exception's causes too, so an earlier place would
// take
// over the application's handlers for every persistence error.
@Order(Ordered.LOWEST_PRECEDENCE)
public class PolicyViolationProblemHandler {

    @ExceptionHandler(PolicyViolationException.class)
    public ResponseEntity<ProblemDetail> denied(PolicyViolationException ex) {
        return problem(ex);
    }

    /**
     * Where a violation raised during a flush or commit can arrive wrapped; nothing
     * broader, so the application's own handlers still see everything else.
     */
    @ExceptionHandler({ org.springframework.transaction.TransactionSystemException.class,
            org.springframework.orm.jpa.JpaSystemException.class,
            org.springframework.dao.InvalidDataAccessApiUsageException.class,
            jakarta.persistence.PersistenceException.class })
    public ResponseEntity<ProblemDetail> wrapped(RuntimeException ex) {
        PolicyViolationException violation = find(ex);
        if (violation == null) {
            throw ex;
        }
        return problem(violation);
    }

    static @Nullable PolicyViolationException find(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicyViolationException violation) {
                return violation;
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> problem(PolicyViolationException violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                violation.operation().name().toLowerCase() + " of " + violation.entity() + " denied by policy");
        problem.setTitle("Forbidden");
        problem.setProperty("entity", violation.entity());
        problem.setProperty("operation", violation.operation().name());
        return ProblemResponses.of(problem);
    }

}
