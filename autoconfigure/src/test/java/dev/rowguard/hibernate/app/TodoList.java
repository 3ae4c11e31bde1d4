package dev.rowguard.hibernate.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Table(name = "list")
@Deny(value = ALL, when = "auth() == null")
@Allow(value = READ, when = "owner == auth() || (space.members?[user == auth()] && !isPrivate)")
@Allow(value = { CREATE, UPDATE }, when = "owner == auth() && space.members?[user == auth()]")
@Allow(value = POST_UPDATE, when = "owner == before().owner")
@Allow(value = DELETE, when = "owner == auth()")
public class TodoList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Space space;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private User owner;

    private String title;

    @Column(name = "private")
    private boolean isPrivate;

    @OneToMany(mappedBy = "list")
    private List<Todo> todos = new ArrayList<>();

    protected TodoList() {
    }

    public TodoList(Space space, User owner, String title, boolean isPrivate) {
        this.space = space;
        this.owner = owner;
        this.title = title;
        this.isPrivate = isPrivate;
    }

    public Long getId() {
        return id;
    }

    public Space getSpace() {
        return space;
    }

    public User getOwner() {
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

    public boolean isPrivate() {
        return isPrivate;
    }

    public List<Todo> getTodos() {
        return todos;
    }

}
