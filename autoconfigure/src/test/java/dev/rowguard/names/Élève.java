package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import static dev.rowguard.policy.Operation.ALL;

/** Non-ASCII names: the entity, its table and its column. */
@Entity
@Allow(value = ALL, when = "auth() != null && auth().id == propriétaire")
public class Élève implements Owned {

    @Id
    @GeneratedValue
    Long id;

    String propriétaire;

    protected Élève() {
    }

    public Élève(String propriétaire) {
        this.propriétaire = propriétaire;
    }

    @Override
    public String owner() {
        return propriétaire;
    }

}
