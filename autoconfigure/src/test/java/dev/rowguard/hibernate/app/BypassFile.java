package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * BypassAttemptsTest: a row only its owner may read or change, held by BypassFolder's
 * non-inverse collections.
 */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class BypassFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ownerId;

    private String name;

    protected BypassFile() {
    }

    public BypassFile(String ownerId, String name) {
        this.ownerId = ownerId;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

}
