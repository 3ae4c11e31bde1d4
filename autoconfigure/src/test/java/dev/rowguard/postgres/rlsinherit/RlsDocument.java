package dev.rowguard.postgres.rlsinherit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** The root of a single-table hierarchy whose subclass has other write rules. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@Allow(value = ALL, when = "auth().id == ownerId")
public class RlsDocument {

    @Id
    private Long id;

    private String ownerId;

}
