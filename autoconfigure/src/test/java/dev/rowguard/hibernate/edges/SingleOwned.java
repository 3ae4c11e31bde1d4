package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** Owner-only rows below the more permissive {@link SingleRoot}. */
@Entity
@Allow(value = READ, when = "true")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth().id == ownerId")
public class SingleOwned extends SingleRoot {

    protected SingleOwned() {
    }

    public SingleOwned(Long id, String title, String ownerId) {
        super(id, title, ownerId);
    }

}
