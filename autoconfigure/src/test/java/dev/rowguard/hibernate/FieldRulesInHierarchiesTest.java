package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.fields.FieldsTestApplication;
import dev.rowguard.hibernate.fields.Hierarchies;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field hidden on every inheritance strategy: a single-table hierarchy (on the root and
 * on a subclass), a JOINED root's field read through its subclass, and a table-per-class
 * root's field read through the union of its subclasses' tables.
 */
@SpringBootTest(classes = FieldsTestApplication.class)
@WithTestPostgres
class FieldRulesInHierarchiesTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Enforcement enforcement;

    @BeforeEach
    void aliceOwnsOneOfEach() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            for (String entity : List.of("Contract", "GoldBadge", "Badge", "Car", "House")) {
                em.createQuery("delete from " + entity).executeUpdate();
            }
            Hierarchies.ServiceContract contract = new Hierarchies.ServiceContract();
            contract.ownerId = "alice";
            contract.terms = "net 30";
            contract.fee = "100";
            em.persist(contract);
            Hierarchies.GoldBadge badge = new Hierarchies.GoldBadge();
            badge.ownerId = "alice";
            badge.code = "g-1";
            badge.carats = 24;
            em.persist(badge);
            Hierarchies.Car car = new Hierarchies.Car();
            car.ownerId = "alice";
            car.worth = "a lot";
            em.persist(car);
            Hierarchies.House house = new Hierarchies.House();
            house.id = 1L;
            house.ownerId = "alice";
            house.worth = "more";
            em.persist(house);
            return null;
        });
    }

    @Test
    void theOwnerReadsEachHiddenFieldAndNoOneElseDoes() {
        assertThat(seen(ALICE)).containsExactly("net 30", "100", "g-1", "g-1", "a lot", "more");
        assertThat(seen(BOB)).containsOnlyNulls().hasSize(6);
    }

    private List<String> seen(dev.rowguard.auth.AuthPrincipal caller) {
        return enforcement.as(caller, em -> {
            Hierarchies.Contract contract = em.createQuery("from Contract", Hierarchies.Contract.class)
                .getSingleResult();
            String fee = ((Hierarchies.ServiceContract) contract).fee;
            String throughSubclass = em.createQuery("select b.code from GoldBadge b", String.class).getSingleResult();
            em.clear();
            String throughRoot = em.createQuery("from Badge", Hierarchies.Badge.class).getSingleResult().code;
            List<String> worths = em.createQuery("select a.worth from Asset a order by a.id", String.class)
                .getResultList();
            return java.util.Arrays.asList(contract.terms, fee, throughSubclass, throughRoot, worths.get(0),
                    worths.get(1));
        });
    }

}
