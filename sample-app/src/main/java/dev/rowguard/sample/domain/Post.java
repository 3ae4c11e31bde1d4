package dev.rowguard.sample.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

/**
 * A blog post; the author is the provider's user id, as in the Clerk integration guide.
 */
@Entity
@Allow(value = READ, when = "published")
@Allow(value = ALL, when = "auth() != null && auth().id == authorId")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String title;

    private @Nullable String content;

    private boolean published;

    /**
     * Required, as the schema says; {@code @AuthDefault} fills it from the caller when a
     * post is created.
     */
    @NotNull
    @Column(name = "author_id", nullable = false)
    @AuthDefault("id")
    private @Nullable String authorId;

    protected Post() {
    }

    public Post(String title, @Nullable String content, boolean published, @Nullable String authorId) {
        this.title = title;
        this.content = content;
        this.published = published;
        this.authorId = authorId;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public @Nullable String getContent() {
        return content;
    }

    public void setContent(@Nullable String content) {
        this.content = content;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public @Nullable String getAuthorId() {
        return authorId;
    }

    public void setAuthorId(String authorId) {
        this.authorId = authorId;
    }

}
