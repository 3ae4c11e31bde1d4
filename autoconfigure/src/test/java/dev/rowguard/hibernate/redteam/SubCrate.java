package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;

/** A subclass with a table of its own, joined to Crate's. */
@Entity
public class SubCrate extends Crate {

    String note;

    protected SubCrate() {
    }

    public SubCrate(Long id, String ownerId) {
        super(id, ownerId);
        this.note = "secret:" + ownerId + ":note" + id;
    }

}
