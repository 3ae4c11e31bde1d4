package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * Rules on a mapped superclass, as on a ZenStack abstract model: every entity extending
 * it has them, and {@code currentModel()} tells the entities apart (articles are public,
 * memos their owner's).
 */
@MappedSuperclass
@Allow(value = READ, when = "currentModel() == 'Article' || (auth() != null && auth().id == ownerId)")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth() != null && auth().id == ownerId")
public abstract class Publication implements Owned {

    @Id
    @GeneratedValue
    Long id;

    String ownerId;

    protected Publication() {
    }

    protected Publication(String ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public String owner() {
        return ownerId;
    }

}
