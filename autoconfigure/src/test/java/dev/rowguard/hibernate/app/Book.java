package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Allow(value = { CREATE, UPDATE, DELETE }, when = "true")
@Allow(value = READ, when = "y > 0")
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int y;

    @ManyToOne(fetch = FetchType.LAZY)
    private Shelf shelf;

    protected Book() {
    }

    public Book(int y, Shelf shelf) {
        this.y = y;
        this.shelf = shelf;
    }

    public Long getId() {
        return id;
    }

    public int getY() {
        return y;
    }

    public void setY(int y) {
        this.y = y;
    }

    public Shelf getShelf() {
        return shelf;
    }

    public void setShelf(Shelf shelf) {
        this.shelf = shelf;
    }

}
