package dev.rowguard.hibernate.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Allow(value = { CREATE, READ }, when = "true")
@Allow(value = UPDATE, when = "articles![published]")
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @OneToMany(mappedBy = "author")
    private List<Article> articles = new ArrayList<>();

    protected Author() {
    }

    public Author(String name) {
        this.name = name;
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

    public List<Article> getArticles() {
        return articles;
    }

}
