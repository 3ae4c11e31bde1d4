package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * Owner-only, table-per-class hierarchy, the many side of a bidirectional one-to-many.
 */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
@Allow(value = ALL, when = "auth().id == ownerId")
public class Locker {

    @Id
    Long id;

    String ownerId;

    String secret;

    @ManyToOne
    Hub home;

    protected Locker() {
    }

    public Locker(Long id, String ownerId, Hub home) {
        this.id = id;
        this.ownerId = ownerId;
        this.secret = "secret:" + ownerId + ":locker" + id;
        this.home = home;
    }

}
