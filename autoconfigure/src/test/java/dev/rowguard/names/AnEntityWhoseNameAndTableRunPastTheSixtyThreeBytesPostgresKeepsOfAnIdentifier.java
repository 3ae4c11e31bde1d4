package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import static dev.rowguard.policy.Operation.ALL;

/** A name past PostgreSQL's 63-byte identifiers, for the entity and its table. */
@Entity
@Allow(value = ALL, when = "auth() != null && auth().id == ownerId")
public class AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier implements Owned {

    // an identity column: a sequence named after the table would be cut to the same 63
    // bytes as the table
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String ownerId;

    protected AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier() {
    }

    public AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier(String ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public String owner() {
        return ownerId;
    }

}
