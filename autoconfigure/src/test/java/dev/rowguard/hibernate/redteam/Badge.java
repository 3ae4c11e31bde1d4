package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** Owner-only, the owning side of Hub's one-to-one. */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class Badge {

    @Id
    Long id;

    String ownerId;

    String secret;

    @OneToOne
    Hub hub;

    protected Badge() {
    }

    public Badge(Long id, String ownerId, Hub hub) {
        this.id = id;
        this.ownerId = ownerId;
        this.secret = "secret:" + ownerId + ":badge" + id;
        this.hub = hub;
    }

}
