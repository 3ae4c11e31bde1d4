package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import static dev.rowguard.policy.Operation.ALL;

/**
 * A row whose rule reads the rows of every strangely named entity, so that the generated
 * row-level security reads those tables through its row sources (functions or views).
 */
@Entity
@Allow(value = ALL, when = "auth() != null && (item.ownerId == auth().id || line.ownerId == auth().id"
        + " || pupil.propriétaire == auth().id || far.ownerId == auth().id)")
public class Remark {

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    Outer.Item item;

    @ManyToOne(fetch = FetchType.LAZY)
    OrderLine line;

    @ManyToOne(fetch = FetchType.LAZY)
    Élève pupil;

    @ManyToOne(fetch = FetchType.LAZY)
    AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier far;

    protected Remark() {
    }

    Remark(Owned about) {
        if (about instanceof Outer.Item target) {
            this.item = target;
        }
        else if (about instanceof OrderLine target) {
            this.line = target;
        }
        else if (about instanceof Élève target) {
            this.pupil = target;
        }
        else {
            this.far = (AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier) about;
        }
    }

}
