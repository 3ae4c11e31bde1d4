package dev.rowguard.hibernate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.edges.Board;
import dev.rowguard.hibernate.edges.EdgesTestApplication;
import dev.rowguard.hibernate.edges.JoinedPosted;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JOINED subclass's write rule that walks a relation of its own table and reads a
 * column of its root's table is checked against the row as stored in both: allowed or a
 * clear denial, never an SQL error.
 */
@SpringBootTest(classes = EdgesTestApplication.class)
@WithTestPostgres
class JoinedSubclassRelationRulesTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Enforcement enforcement;

    @BeforeEach
    void aClosedAndAnOpenBoardAndALockedPost() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            em.merge(new Board(10L, false));
            Board open = em.merge(new Board(11L, true));
            em.persist(new JoinedPosted(102L, "locked", open));
            return null;
        });
    }

    @AfterEach
    void removeThePosts() {
        enforcement.asSystem(em -> em.createQuery("delete from JoinedPosted").executeUpdate());
    }

    @Test
    void aCreateIsAllowedOnAnOpenBoardAndDeniedOnAClosedOne() {
        enforcement.as(BOB, em -> {
            em.persist(new JoinedPosted(100L, "hello", em.getReference(Board.class, 11L)));
            return null;
        });
        assertDenied(() -> enforcement.as(BOB, em -> {
            em.persist(new JoinedPosted(101L, "hello", em.getReference(Board.class, 10L)));
            em.flush();
            return null;
        }), "JoinedPosted", CREATE);
        assertThat(stored(101L)).isNull();
    }

    @Test
    void anUpdateAndADeleteAreCheckedAgainstTheStoredRowInBothTables() {
        enforcement.as(BOB, em -> {
            em.persist(new JoinedPosted(100L, "hello", em.getReference(Board.class, 11L)));
            return null;
        });
        enforcement.as(BOB, em -> {
            em.find(JoinedPosted.class, 100L).setTitle("renamed");
            return null;
        });
        assertDenied(() -> enforcement.as(BOB, em -> {
            em.find(JoinedPosted.class, 102L).setTitle("unlocked");
            em.flush();
            return null;
        }), "JoinedPosted", UPDATE);
        assertDenied(() -> enforcement.as(BOB, em -> {
            em.remove(em.find(JoinedPosted.class, 102L));
            em.flush();
            return null;
        }), "JoinedPosted", DELETE);
        enforcement.as(BOB, em -> {
            em.remove(em.find(JoinedPosted.class, 100L));
            return null;
        });
        assertThat(stored(102L)).isEqualTo("locked");
        assertThat(stored(100L)).isNull();
    }

    /** The stored title, or null when no row has the id. */
    private String stored(Long id) {
        return enforcement.asSystem(em -> {
            JoinedPosted post = em.find(JoinedPosted.class, id);
            return post == null ? null : post.getTitle();
        });
    }

}
