package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * A JOINED subclass whose write rule walks a relation held in its own table and reads a
 * column of its root's: checked with a query over both tables.
 */
@Entity
@Allow(value = READ, when = "true")
@Allow(value = { CREATE, UPDATE, DELETE }, when = "board.open && title != 'locked'")
public class JoinedPosted extends JoinedRoot {

    @ManyToOne(fetch = FetchType.LAZY)
    private Board board;

    protected JoinedPosted() {
    }

    public JoinedPosted(Long id, String title, Board board) {
        super(id, title, "anyone");
        this.board = board;
    }

}
