package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * A root whose rows any signed-in caller may change; its subclass {@link JoinedOwned} is
 * owner-only.
 */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@Allow(value = READ, when = "true")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth() != null")
public class JoinedRoot {

    @Id
    private Long id;

    private String title;

    private String ownerId;

    protected JoinedRoot() {
    }

    public JoinedRoot(Long id, String title, String ownerId) {
        this.id = id;
        this.title = title;
        this.ownerId = ownerId;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getOwnerId() {
        return ownerId;
    }

}
