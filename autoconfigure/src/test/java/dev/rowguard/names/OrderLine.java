package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import static dev.rowguard.policy.Operation.ALL;

/** A quoted table name with a space, and a quoted column. */
@Entity
@Table(name = "\"Order Lines\"")
@Allow(value = ALL, when = "auth() != null && auth().id == ownerId")
public class OrderLine implements Owned {

    @Id
    @GeneratedValue
    Long id;

    @Column(name = "\"Owner Id\"")
    String ownerId;

    protected OrderLine() {
    }

    public OrderLine(String ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public String owner() {
        return ownerId;
    }

}
