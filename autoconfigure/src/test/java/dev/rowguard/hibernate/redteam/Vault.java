package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import dev.rowguard.policy.Allow;
import org.hibernate.annotations.BatchSize;

import static dev.rowguard.policy.Operation.ALL;

/** Owner-only, single-table hierarchy, loaded in batches. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@BatchSize(size = 4)
@Allow(value = ALL, when = "auth().id == ownerId")
public class Vault {

    @Id
    Long id;

    String ownerId;

    String secret;

    protected Vault() {
    }

    public Vault(Long id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
        this.secret = "secret:" + ownerId + ":vault" + id;
    }

}
