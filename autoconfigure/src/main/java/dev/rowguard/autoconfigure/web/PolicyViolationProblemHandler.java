package dev.rowguard.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.PolicyRule;
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
 * When the deciding rule's author gave a {@code code} or a {@code message}, the problem
 * carries them (they were written for clients); the deciding rules' expressions only with
 * {@code rowguard.web.expose-rules=true}, as {@code rules}.
 */
@RestControllerAdvice
// Last: Spring matches an advice on an exception's causes too, so an earlier place would
// take
// over the application's handlers for every persistence error.
@Order(Ordered.LOWEST_PRECEDENCE)
public class PolicyViolationProblemHandler {

    private final boolean exposeRules;

    /** A handler that keeps the rules' expressions to the server. */
    public PolicyViolationProblemHandler() {
        this(false);
    }

    /**
     * @param exposeRules whether the problem lists the deciding rules' expressions
     */
    public PolicyViolationProblemHandler(boolean exposeRules) {
        this.exposeRules = exposeRules;
    }

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

    private ResponseEntity<ProblemDetail> problem(PolicyViolationException violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                violation.operation().name().toLowerCase() + " of " + violation.entity() + " denied by policy");
        problem.setTitle("Forbidden");
        problem.setProperty("entity", violation.entity());
        problem.setProperty("operation", violation.operation().name());
        if (violation.code() != null) {
            problem.setProperty("code", violation.code());
        }
        if (violation.authorMessage() != null) {
            problem.setProperty("message", violation.authorMessage());
        }
        List<String> fields = violation.decidedBy()
            .stream()
            .map(PolicyRule::field)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
        if (fields.size() == 1) {
            // a field the caller may not change: its name, never its value
            problem.setProperty("field", fields.get(0));
        }
        if (exposeRules) {
            problem.setProperty("rules",
                    violation.decidedBy().stream().map(PolicyViolationProblemHandler::rule).toList());
        }
        return ProblemResponses.of(problem);
    }

    private static Map<String, Object> rule(PolicyRule rule) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("effect", rule.effect().name());
        described.put("expression", rule.expression());
        if (rule.code() != null) {
            described.put("code", rule.code());
        }
        if (rule.field() != null) {
            described.put("field", rule.field());
        }
        return described;
    }

}
