package dev.rowguard.names;

import jakarta.persistence.Entity;

/** A {@link Publication}. */
@Entity
public class Memo extends Publication {

    protected Memo() {
    }

    public Memo(String ownerId) {
        super(ownerId);
    }

}
