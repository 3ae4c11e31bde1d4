package dev.rowguard.hibernate.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = CREATE, when = "owner == auth()")
@Allow(value = READ, when = "members?[user == auth()]")
@Allow(value = { UPDATE, DELETE }, when = "members?[user == auth() && role == 'ADMIN']")
public class Space {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private User owner;

    @OneToMany(mappedBy = "space")
    private List<SpaceUser> members = new ArrayList<>();

    @OneToMany(mappedBy = "space")
    private List<TodoList> lists = new ArrayList<>();

    protected Space() {
    }

    public Space(String name, User owner) {
        this.name = name;
        this.owner = owner;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public User getOwner() {
        return owner;
    }

    public List<SpaceUser> getMembers() {
        return members;
    }

    public List<TodoList> getLists() {
        return lists;
    }

}
