package dev.rowguard.sample.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthEntity;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

/**
 * A user synced from the identity provider, keyed by the token's subject. A caller may
 * create and change only their own row, and read the users they share a space with or
 * whose spaces belong to their organization (a space is visible only with its owner, see
 * the docs on hidden references).
 */
@Entity
@AuthEntity
@Allow(value = ALL, when = "auth() == this")
@Allow(value = READ, when = "memberships?[space.members?[user == auth()]]")
@Allow(value = READ, when = "ownedSpaces?[orgId != null && orgId == auth().orgId]")
@Table(name = "app_user")
public class User {

    @Id
    private String id;

    private @Nullable String email;

    private @Nullable String name;

    @OneToMany(mappedBy = "user")
    private List<SpaceUser> memberships = new ArrayList<>();

    @OneToMany(mappedBy = "owner")
    private List<Space> ownedSpaces = new ArrayList<>();

    @Column(name = "created_at", insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    protected User() {
    }

    public User(String id, @Nullable String email, @Nullable String name) {
        this.id = id;
        this.email = email;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable Instant getCreatedAt() {
        return createdAt;
    }

}
