package dev.rowguard.hibernate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.edges.Album;
import dev.rowguard.hibernate.edges.Card;
import dev.rowguard.hibernate.edges.Deck;
import dev.rowguard.hibernate.edges.EdgesTestApplication;
import dev.rowguard.hibernate.edges.Photo;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting the owner of a unidirectional one-to-many makes Hibernate set the foreign key
 * of every child stored for it to null, in one statement: that statement may not rewrite
 * a child the caller cannot see.
 */
@SpringBootTest(classes = EdgesTestApplication.class)
@WithTestPostgres
class UnlinkingChildrenTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Enforcement enforcement;

    @BeforeEach
    void bobsDeckHoldsOneOfHisCardsAndOneOfAlices() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            em.createQuery("delete from Card").executeUpdate();
            em.createQuery("delete from Deck").executeUpdate();
            Deck deck = new Deck(1L, "bob");
            Card bobs = new Card(1L, "bob", "bob's card");
            Card alices = new Card(2L, "alice", "alice's card");
            em.persist(bobs);
            em.persist(alices);
            deck.getCards().add(bobs);
            deck.getCards().add(alices);
            em.persist(deck);
            return null;
        });
    }

    @Test
    void deletingOnesOwnParentDoesNotUnlinkAHiddenChild() {
        assertDenied(() -> enforcement.as(BOB, em -> {
            Deck deck = em.find(Deck.class, 1L);
            assertThat(deck.getCards()).extracting(Card::getText).containsExactly("bob's card");
            em.remove(deck);
            em.flush();
            return null;
        }), "Card", UPDATE);
        assertThat(deckOf(2L)).isEqualTo(1L);
        Deck kept = enforcement.asSystem(em -> em.find(Deck.class, 1L));
        assertThat(kept).isNotNull();
    }

    @Test
    void deletingAParentWhoseChildrenTheCallerMayAllChangeUnlinksThem() {
        enforcement.asSystem(em -> em.createNativeQuery("update card set deck_id = null where id = 2").executeUpdate());
        enforcement.as(BOB, em -> {
            em.remove(em.find(Deck.class, 1L));
            return null;
        });
        assertThat(deckOf(1L)).isNull();
        Deck gone = enforcement.asSystem(em -> em.find(Deck.class, 1L));
        assertThat(gone).isNull();
    }

    @Test
    void deletingAParentTogetherWithItsChildrenDoesNotNeedTheRightToChangeThem() {
        enforcement.asSystem(em -> {
            em.createQuery("delete from Photo").executeUpdate();
            em.createQuery("delete from Album").executeUpdate();
            Album album = new Album(1L, "bob");
            Photo photo = new Photo(1L, "bob");
            em.persist(photo);
            album.getPhotos().add(photo);
            em.persist(album);
            return null;
        });
        enforcement.as(BOB, em -> {
            em.remove(em.find(Album.class, 1L));
            return null;
        });
        Long photos = enforcement
            .asSystem(em -> em.createQuery("select count(p) from Photo p", Long.class).getSingleResult());
        assertThat(photos).isZero();
    }

    private Long deckOf(Long card) {
        return enforcement
            .asSystem(em -> (Long) em.createNativeQuery("select deck_id from card where id = :id", Long.class)
                .setParameter("id", card)
                .getSingleResult());
    }

}
