package dev.rowguard.hibernate.edges;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * An owner-only parent of a unidirectional one-to-many whose foreign key lives on the
 * child.
 */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
public class Deck {

    @Id
    private Long id;

    private String ownerId;

    @OneToMany
    @JoinColumn(name = "deck_id")
    private List<Card> cards = new ArrayList<>();

    protected Deck() {
    }

    public Deck(Long id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
    }

    public Long getId() {
        return id;
    }

    public List<Card> getCards() {
        return cards;
    }

}
