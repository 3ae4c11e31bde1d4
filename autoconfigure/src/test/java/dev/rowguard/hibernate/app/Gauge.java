package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Allow(value = { CREATE, READ, UPDATE }, when = "true")
@Allow(value = POST_UPDATE, when = "x > 1")
@Deny(value = POST_UPDATE, when = "x > 2")
public class Gauge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int x;

    protected Gauge() {
    }

    public Gauge(int x) {
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
