package dev.rowguard.autoconfigure.web;

import java.util.Objects;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A {@code sort} parameter Spring Data cannot apply is the client's mistake: 400 naming
 * the parameter, not the 500 of an escaped {@code PropertyReferenceException}; a sort
 * through a relation ({@link SortThroughRelationException}) likewise. The property is not
 * echoed.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class SortParameterProblemHandler {

    @ExceptionHandler({ PropertyReferenceException.class, SortThroughRelationException.class })
    public ResponseEntity<ProblemDetail> badSort(RuntimeException ex) {
        ResponseEntity<ProblemDetail> response = ProblemResponses.of(HttpStatus.BAD_REQUEST,
                ex instanceof SortThroughRelationException
                        ? "the sort parameter may name only attributes of the listed entity itself"
                        : "the sort parameter names an attribute that does not exist");
        Objects.requireNonNull(response.getBody()).setProperty("parameter", "sort");
        return response;
    }

}
