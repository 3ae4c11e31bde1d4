package dev.rowguard.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A row that does not exist for the caller: missing, or hidden by its read rule (the same
 * answer).
 */
final class NotFound {

    private NotFound() {
    }

    static ResponseStatusException of(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what + " not found");
    }

}
