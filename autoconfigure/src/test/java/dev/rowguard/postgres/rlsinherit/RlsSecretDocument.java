package dev.rowguard.postgres.rlsinherit;

import jakarta.persistence.Entity;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** Stored in its root's table, with stricter write rules. */
@Entity
@Allow(value = READ, when = "auth().id == ownerId")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth().id == ownerId && has(auth().roles, 'secret')")
public class RlsSecretDocument extends RlsDocument {

}
