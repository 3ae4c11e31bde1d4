package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Shelf;
import dev.rowguard.hibernate.app.Tag;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An eagerly fetched many-to-many collection shows only the elements the caller may read.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
class CollectionEnforcementTest {

    static final AuthPrincipal SOMEONE = AuthPrincipal.of("someone");

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anEagerManyToManyCollectionHoldsOnlyReadableElementsOnEveryPath() {
        Enforcement enforcement = new Enforcement(em, tx);
        Long id = enforcement.asSystem((EntityManager em) -> {
            Shelf shelf = new Shelf("tagged");
            Tag shown = new Tag("shown", true);
            Tag hidden = new Tag("hidden", false);
            em.persist(shown);
            em.persist(hidden);
            shelf.getTags().add(shown);
            shelf.getTags().add(hidden);
            em.persist(shelf);
            return shelf.getId();
        });
        List<String> byFind = enforcement.as(SOMEONE,
                (EntityManager em) -> em.find(Shelf.class, id).getTags().stream().map(Tag::getName).toList());
        assertThat(byFind).containsExactly("shown");
        List<String> byQuery = enforcement.as(SOMEONE,
                (EntityManager em) -> em.createQuery("select s from Shelf s where s.id = :id", Shelf.class)
                    .setParameter("id", id)
                    .getSingleResult()
                    .getTags()
                    .stream()
                    .map(Tag::getName)
                    .toList());
        assertThat(byQuery).containsExactly("shown");
        List<String> byJoin = enforcement.as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select t.name from Shelf s join s.tags t where s.id = :id", String.class)
                    .setParameter("id", id)
                    .getResultList());
        assertThat(byJoin).containsExactly("shown");
        Long sized = enforcement.as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(t) from Shelf s join s.tags t where s.id = :id", Long.class)
                    .setParameter("id", id)
                    .getSingleResult());
        assertThat(sized).isEqualTo(1);
        List<String> bySystem = enforcement.asSystem(
                (EntityManager em) -> em.find(Shelf.class, id).getTags().stream().map(Tag::getName).sorted().toList());
        assertThat(bySystem).containsExactly("hidden", "shown");
    }

}
