package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.AuthDefault;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

@Entity
@Allow(value = READ, when = "auth() != null && published")
@Allow(value = ALL, when = "auth() != null && auth().id == authorId")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private boolean published;

    @AuthDefault("id")
    private String authorId;

    protected Post() {
    }

    public Post(String title, boolean published, String authorId) {
        this.title = title;
        this.published = published;
        this.authorId = authorId;
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

    public boolean getPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public String getAuthorId() {
        return authorId;
    }

    public void setAuthorId(String authorId) {
        this.authorId = authorId;
    }

}
