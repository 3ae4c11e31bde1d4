package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.READ;

/**
 * Read by the admins of its space, found through the caller's own memberships
 * ({@code auth().memberships}), as ZenStack resolves {@code auth()} against its auth
 * model.
 */
@Entity
@Allow(value = READ, when = "auth().memberships?[space == this.space && role == 'ADMIN']")
public class Announcement {

    @Id
    @GeneratedValue
    private Long id;

    private String text;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Space space;

    protected Announcement() {
    }

    public Announcement(Space space, String text) {
        this.space = space;
        this.text = text;
    }

    public String getText() {
        return text;
    }

}
