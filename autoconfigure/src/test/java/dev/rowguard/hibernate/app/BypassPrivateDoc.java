package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * BypassAttemptsTest: a subclass everyone signed in may read (like its root) but only its
 * owner may change.
 */
@Entity
@Allow(value = READ, when = "auth() != null")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth().id == ownerId")
public class BypassPrivateDoc extends BypassDoc {

    protected BypassPrivateDoc() {
    }

    public BypassPrivateDoc(String ownerId, String title) {
        super(ownerId, title);
    }

}
