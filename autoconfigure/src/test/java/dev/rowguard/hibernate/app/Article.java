package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

@Entity
@Allow(value = ALL, when = "true")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private boolean published;

    @ManyToOne(fetch = FetchType.LAZY)
    private Author author;

    protected Article() {
    }

    public Article(boolean published, Author author) {
        this.published = published;
        this.author = author;
    }

    public Long getId() {
        return id;
    }

    public boolean getPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

}
