package dev.rowguard.postgres.rlsapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** A label signed-in callers read and editors change. */
@Entity
@Allow(value = READ, when = "auth() != null")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "has(auth().roles, 'editor')")
public class RlsLabel {

    @Id
    private Long id;

    private String name;

}
