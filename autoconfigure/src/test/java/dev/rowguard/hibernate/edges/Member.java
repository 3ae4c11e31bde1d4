package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** A user row whose id is the principal's id. */
@Entity
@Allow(value = ALL, when = "true")
public class Member {

    @Id
    private String id;

    protected Member() {
    }

    public Member(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

}
