package dev.rowguard.names;

import java.util.List;
import java.util.function.Function;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.PolicyViolationException;
import dev.rowguard.testsupport.WithTestPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every legal entity name starts and is enforced: a nested class without an explicit
 * entity name (its name holds a {@code $}), non-ASCII entity, table and column names, a
 * quoted table and column, and names past PostgreSQL's 63 bytes.
 */
@SpringBootTest(classes = NamesTestApplication.class,
        properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false" })
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityNamesTest {

    static final AuthPrincipal ALICE = AuthPrincipal.of("alice");

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    void aliceAndBobOwnOneRowOfEach() {
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            for (String owner : List.of("alice", "bob")) {
                em.persist(new Outer.Item(owner));
                em.persist(new Élève(owner));
                em.persist(new OrderLine(owner));
                em.persist(new AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier(owner));
                em.persist(new Enrolment("algebra", owner, owner));
                em.persist(new Ticket(owner, Ticket.Priority.URGENT));
                em.persist(new Article(owner));
                em.persist(new Memo(owner));
            }
        }));
    }

    @Test
    void aNestedEntityClassIsEnforced() {
        assertOnlyAlicesRows(Outer.Item.class, Outer.Item::new);
    }

    @Test
    void nonAsciiNamesAreEnforced() {
        assertOnlyAlicesRows(Élève.class, Élève::new);
    }

    @Test
    void aQuotedTableAndColumnAreEnforced() {
        assertOnlyAlicesRows(OrderLine.class, OrderLine::new);
    }

    @Test
    void namesPastSixtyThreeBytesAreEnforced() {
        assertOnlyAlicesRows(AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier.class,
                AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier::new);
    }

    @Test
    void anEntityWithACompositeIdIsEnforcedAndATakenCompositeIdIsADeniedCreate() {
        assertOnlyAlicesRows(Enrolment.class, owner -> new Enrolment("geometry", owner, owner));
        Throwable taken = catchThrowable(() -> Rowguard.runAs(ALICE, () -> tx.executeWithoutResult(status -> {
            em.persist(new Enrolment("algebra", "bob", "alice"));
            em.flush();
        })));
        assertDenied(taken, "bob's enrolment's id, taken by a row alice cannot see");
        Rowguard.runAs(ALICE, () -> tx.executeWithoutResult(status -> {
            em.persist(new Enrolment("algebra", "alice's friend", "alice"));
            em.flush();
            status.setRollbackOnly();
        }));
    }

    @Test
    void anEntityWithPropertyAccessIsReadThroughItsGettersTypesEnumStorageAndAuthDefault() {
        assertOnlyAlicesRows(Ticket.class, owner -> new Ticket(owner, Ticket.Priority.NORMAL));
        String filledIn = Rowguard.runAs(ALICE, () -> tx.execute(status -> {
            Ticket ticket = new Ticket(null, Ticket.Priority.NORMAL);
            em.persist(ticket);
            em.flush();
            status.setRollbackOnly();
            return ticket.getOwnerId();
        }));
        assertThat(filledIn).as("@AuthDefault on the getter").isEqualTo("alice");
        Throwable urgent = catchThrowable(() -> Rowguard.runAs(ALICE, () -> tx.executeWithoutResult(status -> {
            em.persist(new Ticket("alice", Ticket.Priority.URGENT));
            em.flush();
        })));
        assertDenied(urgent, "the create rule compares the enum by name");
    }

    @Test
    void rulesOnAMappedSuperclassHoldForEachEntityExtendingItAndCurrentModelTellsThemApart() {
        assertOnlyAlicesRows(Memo.class, Memo::new);
        List<String> articles = Rowguard.runAs(ALICE, () -> tx
            .execute(status -> em.createQuery("select a.ownerId from Article a", String.class).getResultList()));
        assertThat(articles).contains("alice", "bob");
        Throwable thrown = catchThrowable(() -> Rowguard.runAs(ALICE, () -> tx.executeWithoutResult(status -> {
            em.persist(new Article("bob"));
            em.flush();
        })));
        assertDenied(thrown, "the write rule holds for articles too");
    }

    private static void assertDenied(Throwable thrown, String what) {
        assertThat(thrown).as(what)
            .satisfiesAnyOf(denial -> assertThat(denial).isInstanceOf(PolicyViolationException.class),
                    denial -> assertThat(denial).hasRootCauseInstanceOf(PolicyViolationException.class));
    }

    private <T extends Owned> void assertOnlyAlicesRows(Class<T> type, Function<String, T> create) {
        List<String> owners = Rowguard.runAs(ALICE, () -> tx.execute(status -> {
            CriteriaQuery<T> query = em.getCriteriaBuilder().createQuery(type);
            query.from(type);
            return em.createQuery(query).getResultList().stream().map(Owned::owner).toList();
        }));
        assertThat(owners).isNotEmpty().containsOnly("alice");
        Throwable thrown = catchThrowable(() -> Rowguard.runAs(ALICE, () -> tx.executeWithoutResult(status -> {
            em.persist(create.apply("bob"));
            em.flush();
        })));
        assertDenied(thrown, "alice may not create bob's row");
    }

}
