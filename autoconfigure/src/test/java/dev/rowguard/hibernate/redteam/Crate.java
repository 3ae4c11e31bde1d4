package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** Owner-only, joined hierarchy. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@Allow(value = ALL, when = "auth().id == ownerId")
public class Crate {

    @Id
    Long id;

    String ownerId;

    String secret;

    protected Crate() {
    }

    public Crate(Long id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
        this.secret = "secret:" + ownerId + ":crate" + id;
    }

}
