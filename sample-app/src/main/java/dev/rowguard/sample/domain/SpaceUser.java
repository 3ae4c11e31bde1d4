package dev.rowguard.sample.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** Membership of a user in a space, with a role. */
@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = CREATE, when = "space.owner == auth()")
@Allow(value = CREATE, when = "space.members?[user == auth() && role == 'ADMIN'] && user != auth()")
@Allow(value = { UPDATE, DELETE }, when = "space.members?[user == auth() && role == 'ADMIN']")
@Allow(value = READ, when = "space.members?[user == auth()]")
@Table(name = "space_user")
public class SpaceUser {

    // A sequence, not IDENTITY: under the generated row-level security PostgreSQL refuses
    // an
    // INSERT ... RETURNING of a row its creator cannot read yet (docs/enforcement.md).
    // The
    // identity column's own sequence, one value at a time.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "space_user_id_seq")
    @SequenceGenerator(name = "space_user_id_seq", sequenceName = "space_user_id_seq", allocationSize = 1)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "space_id")
    private Space space;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    private SpaceRole role;

    protected SpaceUser() {
    }

    public SpaceUser(Space space, User user, SpaceRole role) {
        this.space = space;
        this.user = user;
        this.role = role;
    }

    public @Nullable Long getId() {
        return id;
    }

    public Space getSpace() {
        return space;
    }

    public User getUser() {
        return user;
    }

    public SpaceRole getRole() {
        return role;
    }

    public void setRole(SpaceRole role) {
        this.role = role;
    }

}
