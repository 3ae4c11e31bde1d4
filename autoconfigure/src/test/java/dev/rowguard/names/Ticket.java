package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * Property access with fields named otherwise than the attributes: the attributes, their
 * types, the enum's storage and {@code @AuthDefault} come from the getters.
 */
@Entity
@Access(AccessType.PROPERTY)
@Allow(value = READ, when = "auth() != null && auth().id == ownerId && priority in [NORMAL, URGENT]")
@Allow(value = { UPDATE, DELETE }, when = "auth() != null && auth().id == ownerId")
@Allow(value = CREATE, when = "auth() != null && auth().id == ownerId && priority != URGENT")
public class Ticket implements Owned {

    private Long key;

    private String owner;

    private Priority level = Priority.NORMAL;

    protected Ticket() {
    }

    public Ticket(String owner, Priority level) {
        this.owner = owner;
        this.level = level;
    }

    @Id
    @GeneratedValue
    public Long getId() {
        return key;
    }

    public void setId(Long id) {
        this.key = id;
    }

    @AuthDefault("id")
    public String getOwnerId() {
        return owner;
    }

    public void setOwnerId(String ownerId) {
        this.owner = ownerId;
    }

    @Enumerated(EnumType.STRING)
    public Priority getPriority() {
        return level;
    }

    public void setPriority(Priority priority) {
        this.level = priority;
    }

    @Override
    public String owner() {
        return owner;
    }

    /** How soon a ticket needs an answer. */
    public enum Priority {

        NORMAL, URGENT

    }

}
