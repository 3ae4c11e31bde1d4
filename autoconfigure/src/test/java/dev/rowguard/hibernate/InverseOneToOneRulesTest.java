package dev.rowguard.hibernate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.edges.EdgesTestApplication;
import dev.rowguard.hibernate.edges.Person;
import dev.rowguard.hibernate.edges.PersonProfile;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * A rule over the inverse side of a one-to-one ({@code mappedBy}), ZenStack's
 * {@code profile == null || age == profile.age}: a person without a profile may be
 * updated, one whose profile agrees too, one whose profile disagrees not.
 */
@SpringBootTest(classes = EdgesTestApplication.class)
@WithTestPostgres
class InverseOneToOneRulesTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Enforcement enforcement;

    @BeforeEach
    void aPersonWithoutAProfileOneWhoseProfileAgreesAndOneWhoseDisagrees() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            em.createQuery("delete from PersonProfile").executeUpdate();
            em.createQuery("delete from Person").executeUpdate();
            Person agreeing = new Person(2L, 30);
            Person disagreeing = new Person(3L, 40);
            em.persist(new Person(1L, 20));
            em.persist(agreeing);
            em.persist(disagreeing);
            em.persist(new PersonProfile(20L, 30, agreeing));
            em.persist(new PersonProfile(30L, 41, disagreeing));
            return null;
        });
    }

    @Test
    void theUpdateRuleReadsTheProfileFromItsOwnTable() {
        for (long allowed : new long[] { 1L, 2L }) {
            enforcement.as(ALICE, em -> {
                em.find(Person.class, allowed).setAge(50);
                return null;
            });
        }
        assertDenied(() -> enforcement.as(ALICE, em -> {
            em.find(Person.class, 3L).setAge(50);
            em.flush();
            return null;
        }), "Person", UPDATE);
    }

}
