package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** Owner-only rows below the more permissive {@link UnionRoot}. */
@Entity
@Allow(value = READ, when = "true")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth().id == ownerId")
public class UnionOwned extends UnionRoot {

    protected UnionOwned() {
    }

    public UnionOwned(Long id, String title, String ownerId) {
        super(id, title, ownerId);
    }

}
