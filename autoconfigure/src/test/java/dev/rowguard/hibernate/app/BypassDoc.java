package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * BypassAttemptsTest: the root of a single-table hierarchy, open to signed-in callers;
 * its subclass is stricter.
 */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@Allow(value = ALL, when = "auth() != null")
public class BypassDoc {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ownerId;

    private String title;

    protected BypassDoc() {
    }

    public BypassDoc(String ownerId, String title) {
        this.ownerId = ownerId;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

}
