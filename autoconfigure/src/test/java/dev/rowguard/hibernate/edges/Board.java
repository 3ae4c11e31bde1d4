package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** A board everyone reads; an open one lets any signed-in caller edit its notices. */
@Entity
@Allow(value = ALL, when = "true")
public class Board {

    @Id
    private Long id;

    private boolean open;

    protected Board() {
    }

    public Board(Long id, boolean open) {
        this.id = id;
        this.open = open;
    }

}
