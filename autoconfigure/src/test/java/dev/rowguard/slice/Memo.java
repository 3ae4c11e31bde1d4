package dev.rowguard.slice;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;

import static dev.rowguard.policy.Operation.ALL;

/** Owner-only. */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class Memo {

    @Id
    @GeneratedValue
    private Long id;

    private String text;

    @AuthDefault("id")
    private String ownerId;

    protected Memo() {
    }

    public Memo(String text) {
        this.text = text;
    }

    public Memo(String text, String ownerId) {
        this.text = text;
        this.ownerId = ownerId;
    }

    public String getText() {
        return text;
    }

    public String getOwnerId() {
        return ownerId;
    }

}
