package dev.rowguard.decisions;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import static dev.rowguard.policy.Operation.ALL;

@Entity
@Allow(value = ALL, when = "true")
public class Customer {

    @Id
    private String id;

    private boolean blocked;

    protected Customer() {
    }

    public Customer(String id, boolean blocked) {
        this.id = id;
        this.blocked = blocked;
    }

    public String getId() {
        return id;
    }

}
