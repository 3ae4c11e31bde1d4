package dev.rowguard.hibernate.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * BypassAttemptsTest: an entity over two tables (so bulk statements take Hibernate's
 * multi-table path).
 */
@Entity
@SecondaryTable(name = "bypass_profile_extra")
@Allow(value = { READ, CREATE }, when = "true")
@Allow(value = { UPDATE, DELETE }, when = "auth().id == ownerId")
public class BypassProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ownerId;

    @Column(table = "bypass_profile_extra")
    private String bio;

    protected BypassProfile() {
    }

    public BypassProfile(String ownerId, String bio) {
        this.ownerId = ownerId;
        this.bio = bio;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getBio() {
        return bio;
    }

}
