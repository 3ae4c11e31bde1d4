package dev.rowguard.autoconfigure.web;

import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class HiddenRowProblemHandlerTest {

    static class Unversioned {
    }

    static class Versioned {
        @Version
        long version;
    }

    static class VersionedSubclass extends Versioned {
    }

    private final HiddenRowProblemHandler handler = new HiddenRowProblemHandler();

    @Test
    void aStaleRowOfAnUnversionedEntityIsNotFoundAndNamesNothing() {
        var response = handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Unversioned.class, 42));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().getDetail()).isEqualTo("not found").doesNotContain("42");
    }

    @Test
    void aStaleRowOfAVersionedEntityIsAConflict() {
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Versioned.class, 1)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(VersionedSubclass.class, 1)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Versioned.class.getName(), 1)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Unversioned.class.getName(), 1)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRelationToAHiddenRowIsNotFound() {
        var response = handler.missingReference(new jakarta.persistence.EntityNotFoundException("Unable to find User with id dave"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().getDetail()).isEqualTo("not found");
    }
}
