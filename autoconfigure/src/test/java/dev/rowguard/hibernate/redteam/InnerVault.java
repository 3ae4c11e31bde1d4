package dev.rowguard.hibernate.redteam;

import jakarta.persistence.Entity;

/** A subclass in Vault's table, with a label that keys a map. */
@Entity
public class InnerVault extends Vault {

    String label;

    protected InnerVault() {
    }

    public InnerVault(Long id, String ownerId) {
        super(id, ownerId);
        this.label = "secret:" + ownerId + ":label" + id;
    }

}
