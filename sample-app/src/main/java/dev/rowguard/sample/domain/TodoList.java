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
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/** A todo list in a space; a private list is its owner's alone. */
@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = READ, when = "owner == auth() || (space.members?[user == auth()] && !privateList)")
@Allow(value = { CREATE, UPDATE }, when = "owner == auth() && space.members?[user == auth()]", code = "list.owner-only",
        message = "Only the list's owner, as a member of its space, may change it")
@Allow(value = POST_UPDATE, when = "owner == before().owner", code = "list.owner-fixed",
        message = "A list cannot be given to someone else")
@Allow(value = DELETE, when = "owner == auth()")
@Table(name = "list")
public class TodoList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "space_id")
    private Space space;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private @Nullable User owner;

    private String title;

    @Column(name = "private")
    private boolean privateList;

    @OneToMany(mappedBy = "list")
    private List<Todo> todos = new ArrayList<>();

    protected TodoList() {
    }

    public TodoList(Space space, @Nullable User owner, String title, boolean privateList) {
        this.space = space;
        this.owner = owner;
        this.title = title;
        this.privateList = privateList;
    }

    public @Nullable Long getId() {
        return id;
    }

    public Space getSpace() {
        return space;
    }

    public @Nullable User getOwner() {
        return owner;
    }

    public void setOwner(User owner) {
        this.owner = owner;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isPrivateList() {
        return privateList;
    }

    public void setPrivateList(boolean privateList) {
        this.privateList = privateList;
    }

    public List<Todo> getTodos() {
        return todos;
    }

}
