package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;

/** A subclass with a table of its own holding all its columns. */
@Entity
public class SubLocker extends Locker {

    String note;

    protected SubLocker() {
    }

    public SubLocker(Long id, String ownerId, Hub home) {
        super(id, ownerId, home);
        this.note = "secret:" + ownerId + ":lockernote" + id;
    }

}
