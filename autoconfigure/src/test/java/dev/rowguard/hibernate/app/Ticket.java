package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.READ;

@Entity
@Allow(value = READ, when = "true")
@Allow(value = CREATE, when = "x <= 0 || x > 1")
@Deny(value = CREATE, when = "x <= 0")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int x;

    protected Ticket() {
    }

    public Ticket(int x) {
        this.x = x;
    }

    public Long getId() {
        return id;
    }

    public int getX() {
        return x;
    }

    public void setX(int x) {
        this.x = x;
    }

}
