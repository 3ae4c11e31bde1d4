package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * An owner-only child of {@link Deck}, linked by a deck_id column Hibernate writes for
 * the deck.
 */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class Card {

    @Id
    private Long id;

    private String ownerId;

    private String text;

    protected Card() {
    }

    public Card(Long id, String ownerId, String text) {
        this.id = id;
        this.ownerId = ownerId;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

}
