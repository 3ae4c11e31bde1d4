package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;

/** Its owner may read and delete it, never change it. */
@Entity
@Allow(value = { CREATE, READ, DELETE }, when = "auth().id == ownerId")
public class Photo {

    @Id
    private Long id;

    private String ownerId;

    protected Photo() {
    }

    public Photo(Long id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
    }

}
