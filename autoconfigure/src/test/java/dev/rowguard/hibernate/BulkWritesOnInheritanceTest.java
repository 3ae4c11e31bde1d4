package dev.rowguard.hibernate;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.edges.EdgesTestApplication;
import dev.rowguard.hibernate.edges.JoinedOwned;
import dev.rowguard.hibernate.edges.JoinedRoot;
import dev.rowguard.hibernate.edges.JoinedRootRepository;
import dev.rowguard.hibernate.edges.Plate;
import dev.rowguard.hibernate.edges.SingleOwned;
import dev.rowguard.hibernate.edges.SingleRoot;
import dev.rowguard.hibernate.edges.SingleRootRepository;
import dev.rowguard.hibernate.edges.UnionOwned;
import dev.rowguard.hibernate.edges.UnionRoot;
import dev.rowguard.hibernate.edges.UnionRootRepository;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk statement on an inheritance root reaches the rows of its subclasses: it gets the
 * write rules of every entity it can reach, each on its own rows, so a root that anyone
 * signed in may change does not open an owner-only subclass: SINGLE_TABLE through the
 * discriminator, JOINED and TABLE_PER_CLASS (which Hibernate runs over several tables)
 * through a predicate per entity type.
 */
@SpringBootTest(classes = EdgesTestApplication.class)
@WithTestPostgres
class BulkWritesOnInheritanceTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SingleRootRepository singles;

    @Autowired
    JoinedRootRepository joined;

    @Autowired
    UnionRootRepository unions;

    Enforcement enforcement;

    record Hierarchy(String root, String subclass, Function<Long, Object> aliceRow, JpaRepository<?, Long> repository,
            RetitleById retitle) {

        @Override
        public String toString() {
            return root;
        }
    }

    interface RetitleById {

        int retitle(Long id, String title);

    }

    List<Hierarchy> hierarchies() {
        return List.of(
                new Hierarchy("SingleRoot", "SingleOwned", id -> new SingleOwned(id, "alice's", "alice"), singles,
                        singles::retitle),
                new Hierarchy("JoinedRoot", "JoinedOwned", id -> new JoinedOwned(id, "alice's", "alice"), joined,
                        joined::retitle),
                new Hierarchy("UnionRoot", "UnionOwned", id -> new UnionOwned(id, "alice's", "alice"), unions,
                        unions::retitle));
    }

    static List<Arguments> strategies() {
        return List.of(Arguments.of(0), Arguments.of(1), Arguments.of(2));
    }

    @BeforeEach
    void aliceOwnsOneRowOfEachSubclass() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            for (String entity : List.of("SingleRoot", "JoinedRoot", "UnionRoot")) {
                em.createQuery("delete from " + entity).executeUpdate();
            }
            for (Hierarchy hierarchy : hierarchies()) {
                em.persist(hierarchy.aliceRow().apply(1L));
            }
            em.persist(new SingleRoot(2L, "open", "alice"));
            em.persist(new JoinedRoot(2L, "open", "alice"));
            em.persist(new UnionRoot(2L, "open", "alice"));
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void aBulkUpdateOnTheRootChangesOnlyTheRowsEachSubclassRuleAllows(int index) {
        Hierarchy hierarchy = hierarchies().get(index);
        assertThat(changed(BOB,
                em -> em.createQuery("update " + hierarchy.root() + " r set r.title = 'bob was here' where r.id = 1")
                    .executeUpdate()))
            .as("alice's owner-only row is not among bob's")
            .isZero();
        assertThat(changed(BOB, em -> hierarchy.retitle().retitle(1L, "bob was here"))).isZero();
        assertThat(changed(BOB,
                em -> em.createQuery("update " + hierarchy.root() + " r set r.title = 'bob was here'").executeUpdate()))
            .as("the root's open row only")
            .isEqualTo(1);
        assertThat(titleOfAlicesRow(hierarchy)).isEqualTo("alice's");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void aBulkDeleteOnTheRootRemovesOnlyTheRowsEachSubclassRuleAllows(int index) {
        Hierarchy hierarchy = hierarchies().get(index);
        enforcement.as(BOB, em -> {
            hierarchy.repository().deleteAllByIdInBatch(List.of(1L));
            return null;
        });
        assertThat(rows(hierarchy)).as("alice's row is not among bob's").isEqualTo(2L);
        assertThat(changed(BOB, em -> em.createQuery("delete from " + hierarchy.root()).executeUpdate()))
            .as("the root's open row only")
            .isEqualTo(1);
        assertThat(titleOfAlicesRow(hierarchy)).isEqualTo("alice's");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void theOwnerChangesHerOwnAndTheOpenRows(int index) {
        Hierarchy hierarchy = hierarchies().get(index);
        assertThat(changed(ALICE,
                em -> em.createQuery("update " + hierarchy.root() + " r set r.title = 'renamed'").executeUpdate()))
            .isEqualTo(2);
        Integer changed = enforcement.asSystem(
                em -> em.createQuery("update " + hierarchy.root() + " r set r.title = 'renamed'").executeUpdate());
        assertThat(changed).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void aBulkStatementOnTheSubclassItselfChangesNothingOfOthers(int index) {
        Hierarchy hierarchy = hierarchies().get(index);
        assertThat(changed(BOB, em -> em.createQuery("delete from " + hierarchy.subclass()).executeUpdate())).isZero();
        assertThat(titleOfAlicesRow(hierarchy)).isEqualTo("alice's");
    }

    @Test
    void aSingleTableHierarchyWithASecondaryTableGetsEachTypesRuleOnItsOwnRows() {
        enforcement.asSystem(em -> {
            em.createQuery("delete from Plate").executeUpdate();
            em.persist(new Plate(1L, "alice"));
            em.persist(new Plate.OwnedPlate(2L, "alice"));
            return null;
        });
        assertThat(changed(BOB, em -> em.createQuery("delete from Plate").executeUpdate()))
            .as("the open plate, not alice's owned one")
            .isEqualTo(1);
        List<Long> left = enforcement
            .asSystem(em -> em.createQuery("select p.id from Plate p", Long.class).getResultList());
        assertThat(left).containsExactly(2L);
    }

    private long rows(Hierarchy hierarchy) {
        return enforcement.asSystem(
                em -> em.createQuery("select count(r) from " + hierarchy.root() + " r", Long.class).getSingleResult());
    }

    private String titleOfAlicesRow(Hierarchy hierarchy) {
        return enforcement.asSystem(
                em -> em.createQuery("select r.title from " + hierarchy.root() + " r where r.id = 1", String.class)
                    .getSingleResult());
    }

    private int changed(AuthPrincipal caller, Function<EntityManager, Integer> work) {
        Integer count = enforcement.as(caller, work);
        return count;
    }

}
