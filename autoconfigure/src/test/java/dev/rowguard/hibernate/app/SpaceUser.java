package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = CREATE, when = "space.owner == auth()")
@Allow(value = CREATE, when = "space.members?[user == auth() && role == 'ADMIN'] && user != auth()")
@Allow(value = { UPDATE, DELETE }, when = "space.members?[user == auth() && role == 'ADMIN']")
@Allow(value = READ, when = "space.members?[user == auth()]")
public class SpaceUser {

    public enum Role {

        USER, ADMIN

    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Space space;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private User user;

    @Enumerated(EnumType.STRING)
    private Role role;

    protected SpaceUser() {
    }

    public SpaceUser(Space space, User user, Role role) {
        this.space = space;
        this.user = user;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public Space getSpace() {
        return space;
    }

    public User getUser() {
        return user;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

}
