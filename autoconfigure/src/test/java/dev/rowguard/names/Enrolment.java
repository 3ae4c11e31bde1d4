package dev.rowguard.names;

import java.io.Serializable;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import static dev.rowguard.policy.Operation.ALL;

/**
 * A composite id of two columns ({@code @EmbeddedId}), as link tables of natural keys
 * have.
 */
@Entity
@Allow(value = ALL, when = "auth() != null && auth().id == ownerId")
public class Enrolment implements Owned {

    @EmbeddedId
    Key key;

    String ownerId;

    protected Enrolment() {
    }

    public Enrolment(String course, String student, String ownerId) {
        this.key = new Key(course, student);
        this.ownerId = ownerId;
    }

    @Override
    public String owner() {
        return ownerId;
    }

    /** The course and the student. */
    @Embeddable
    public record Key(String course, String student) implements Serializable {
    }

}
