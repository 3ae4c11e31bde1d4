package dev.rowguard.postgres.rlsbad;

import java.io.Serializable;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import static dev.rowguard.policy.Operation.READ;

/** An entity of a composite id whose rule compares the row as a whole. */
@Entity
@Allow(value = READ, when = "this != null")
public class RlsCompositeKeyComparedAsAWhole {

    @EmbeddedId
    Key key;

    /** Two columns. */
    @Embeddable
    public record Key(String first, String second) implements Serializable {
    }

}
