package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * Read by everyone, so that only the write rules limit a bulk statement: its owner edits
 * it, anyone signed in edits it on an open board, its owner deletes it unless it is
 * pinned, and no edit may leave it titled "forbidden".
 */
@Entity
@Allow(value = { READ, CREATE }, when = "true")
@Allow(value = UPDATE, when = "auth() != null && (auth().id == ownerId || board.open)")
@Allow(value = DELETE, when = "auth() != null && auth().id == ownerId")
@Deny(value = DELETE, when = "pinned")
@Allow(value = POST_UPDATE, when = "title != 'forbidden'")
public class Notice {

    @Id
    private Long id;

    private String title;

    private String ownerId;

    private boolean pinned;

    @ManyToOne(fetch = FetchType.LAZY)
    private Board board;

    protected Notice() {
    }

    public Notice(Long id, String title, String ownerId, boolean pinned, Board board) {
        this.id = id;
        this.title = title;
        this.ownerId = ownerId;
        this.pinned = pinned;
        this.board = board;
    }

}
