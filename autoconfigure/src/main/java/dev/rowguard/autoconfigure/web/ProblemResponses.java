package dev.rowguard.autoconfigure.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** An RFC 9457 problem response; its detail never carries row data. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static ResponseEntity<ProblemDetail> of(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail) {
        return of(ProblemDetail.forStatusAndDetail(status, detail));
    }

}
