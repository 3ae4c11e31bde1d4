package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.ALL;

@Entity
@Deny(value = ALL, when = "auth() == null")
@Allow(value = ALL, when = "true")
public class Secret {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    protected Secret() {
    }

    public Secret(String text) {
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

}
