package com.example.notes;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

@Entity
@Allow(value = READ, when = "published")
@Allow(value = ALL, when = "auth() != null && auth().id == authorId")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private boolean published;

    @AuthDefault("id") // filled from the caller on create
    @Column(nullable = false)
    private String authorId;

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean published) { this.published = published; }
    public String getAuthorId() { return authorId; }

}
