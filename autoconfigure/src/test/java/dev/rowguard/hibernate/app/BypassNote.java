package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import org.hibernate.annotations.NaturalId;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * BypassAttemptsTest: a nullable owner compared with auth().id (two-valued logic), and a
 * natural id.
 */
@Entity
@Allow(value = READ, when = "auth().id == ownerId")
@Allow(value = READ, when = "(auth().id != ownerId) && shared")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "auth().id == ownerId")
public class BypassNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    private String code;

    private String ownerId;

    private boolean shared;

    private String text;

    protected BypassNote() {
    }

    public BypassNote(String code, String ownerId, boolean shared, String text) {
        this.code = code;
        this.ownerId = ownerId;
        this.shared = shared;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public boolean isShared() {
        return shared;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

}
