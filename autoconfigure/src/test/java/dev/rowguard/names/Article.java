package dev.rowguard.names;

import jakarta.persistence.Entity;

/** A {@link Publication}. */
@Entity
public class Article extends Publication {

    protected Article() {
    }

    public Article(String ownerId) {
        super(ownerId);
    }

}
