package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** BypassAttemptsTest: a subclass only its owner may read or change. */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class BypassPrivateDoc extends BypassDoc {

    protected BypassPrivateDoc() {
    }

    public BypassPrivateDoc(String ownerId, String title) {
        super(ownerId, title);
    }
}
