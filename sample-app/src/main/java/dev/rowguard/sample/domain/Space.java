package dev.rowguard.sample.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** A collaboration space; its members share lists. */
@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = CREATE, when = "owner == auth()")
@Allow(value = READ, when = "members?[user == auth()]")
@Allow(value = READ, when = "orgId != null && orgId == auth().orgId")
@Allow(value = { UPDATE, DELETE }, when = "members?[user == auth() && role == 'ADMIN']")
public class Space {

    // A sequence, not IDENTITY: under the generated row-level security PostgreSQL refuses
    // an
    // INSERT ... RETURNING of a row its creator cannot read yet (docs/enforcement.md).
    // The
    // identity column's own sequence, one value at a time.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "space_id_seq")
    @SequenceGenerator(name = "space_id_seq", sequenceName = "space_id_seq", allocationSize = 1)
    private @Nullable Long id;

    private String name;

    private String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private @Nullable User owner;

    @Column(name = "org_id")
    private @Nullable String orgId;

    @OneToMany(mappedBy = "space")
    private List<SpaceUser> members = new ArrayList<>();

    @OneToMany(mappedBy = "space")
    private List<TodoList> lists = new ArrayList<>();

    protected Space() {
    }

    public Space(String name, String slug, @Nullable User owner) {
        this.name = name;
        this.slug = slug;
        this.owner = owner;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public @Nullable User getOwner() {
        return owner;
    }

    public void setOwner(User owner) {
        this.owner = owner;
    }

    public @Nullable String getOrgId() {
        return orgId;
    }

    public void setOrgId(@Nullable String orgId) {
        this.orgId = orgId;
    }

    public List<SpaceUser> getMembers() {
        return members;
    }

    public List<TodoList> getLists() {
        return lists;
    }

}
