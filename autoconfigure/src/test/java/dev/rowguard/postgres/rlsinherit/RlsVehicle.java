package dev.rowguard.postgres.rlsinherit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** The root of a JOINED hierarchy. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@Allow(value = ALL, when = "auth() != null")
public class RlsVehicle {

    @Id
    private Long id;

}
