package dev.rowguard.sample.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = ALL, when = "list.owner == auth()")
@Allow(value = ALL, when = "list.space.members?[user == auth()] && !list.privateList")
public class Todo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "list_id")
    private TodoList list;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private @Nullable User owner;

    private String title;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    /** A private note: only the todo's owner reads it (a rule on the field). */
    @Allow(value = READ, when = "owner == auth()")
    private @Nullable String note;

    protected Todo() {
    }

    public Todo(TodoList list, @Nullable User owner, String title) {
        this.list = list;
        this.owner = owner;
        this.title = title;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }

    public TodoList getList() {
        return list;
    }

    public @Nullable User getOwner() {
        return owner;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public @Nullable Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(@Nullable Instant completedAt) {
        this.completedAt = completedAt;
    }

}
