package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.app.Book;
import dev.rowguard.hibernate.app.BookRepository;
import dev.rowguard.hibernate.app.Counter;
import dev.rowguard.hibernate.app.CounterRepository;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Shelf;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.TodoListRepository;
import dev.rowguard.hibernate.app.User;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteEnforcementTest {

    static final dev.rowguard.auth.AuthPrincipal SOMEONE = dev.rowguard.auth.AuthPrincipal.of("someone");

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoListRepository lists;

    @Autowired
    CounterRepository counters;

    @Autowired
    BookRepository books;

    Enforcement enforcement;

    TodoFixture todo;

    @BeforeAll
    void load() {
        todo = TodoFixture.load(em, tx);
    }

    @BeforeEach
    void setUp() {
        enforcement = new Enforcement(em, tx);
    }

    @Test
    void anUpdateOfALoadedEntityTrustsItsLoadedStateAndReadsNothingBack() {
        int statements = enforcement.as(ALICE, (EntityManager em) -> {
            TodoList list = em.find(TodoList.class, todo.alicePublic);
            int[] prepared = { 0 };
            em.unwrap(org.hibernate.engine.spi.SessionImplementor.class)
                .getEventListenerManager()
                .addListener(new org.hibernate.SessionEventListener() {
                    @Override
                    public void jdbcPrepareStatementStart() {
                        prepared[0]++;
                    }
                });
            list.setTitle("alice public, renamed");
            em.flush();
            list.setTitle("alice public");
            em.flush();
            return prepared[0];
        });
        assertThat(statements).as("statements Hibernate prepared for two updates").isEqualTo(2);
    }

    @Test
    void savingADetachedEntityChecksItsStoredStateAndItsNewState() {
        TodoList detached = enforcement.as(ALICE, (EntityManager em) -> em.find(TodoList.class, todo.alicePublic));
        detached.setOwner(enforcement.asSystem((EntityManager em) -> em.find(User.class, "bob")));
        assertDenied(() -> enforcement.as(ALICE, (EntityManager em) -> lists.save(detached)), "TodoList", POST_UPDATE);
        detached.setOwner(enforcement.asSystem((EntityManager em) -> em.find(User.class, "alice")));
        detached.setTitle("renamed by bob");
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> lists.save(detached)), "TodoList", UPDATE);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, todo.alicePublic).getTitle()))
            .isEqualTo("alice public");
    }

    @Test
    void savingOverAHiddenRowNeitherChangesItNorInsertsADuplicate() {
        TodoList hidden = enforcement.as(ALICE, (EntityManager em) -> em.find(TodoList.class, todo.alicePrivate));
        hidden.setTitle("overwritten by bob");
        long before = listCount();
        Throwable thrown = catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> lists.save(hidden)));
        assertThat(thrown).isInstanceOf(org.springframework.orm.ObjectOptimisticLockingFailureException.class);
        assertThat(thrown.getMessage()).doesNotContain("alice private").doesNotContain("duplicate key");
        assertThat(listCount()).isEqualTo(before);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, todo.alicePrivate).getTitle()))
            .isEqualTo("alice private");
    }

    @Test
    void deletingARowTheCallerMayReadButNotDeleteIsDeniedAndTheRowStays() {
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.remove(em.find(TodoList.class, todo.alicePublic));
            return null;
        }), "TodoList", DELETE);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, todo.alicePublic))).isNotNull();
    }

    @Test
    void aFailedCheckRollsBackEveryEarlierWriteOfTheTransaction() {
        long before = listCount();
        assertDenied(() -> enforcement.as(ALICE, (EntityManager em) -> {
            TodoList list = em.find(TodoList.class, todo.alicePublic);
            list.setTitle("changed first");
            em.flush();
            list.setOwner(em.getReference(User.class, "bob"));
            return null;
        }), "TodoList", POST_UPDATE);
        assertThat(listCount()).isEqualTo(before);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, todo.alicePublic).getTitle()))
            .isEqualTo("alice public");
    }

    @Test
    void aBulkUpdateOrBatchDeleteWhoseRuleDependsOnTheRowChangesOnlyTheRowsItAllows() {
        enforcement.persistAsSystem(new Counter(1));
        enforcement.persistAsSystem(new Counter(0));
        long allowed = countersWhere("c.x > 0");
        long refused = countersWhere("c.x <= 0");
        Integer updated = enforcement.as(SOMEONE,
                (EntityManager em) -> em.createQuery("update Counter c set c.x = 5").executeUpdate());
        assertThat(updated.longValue()).isEqualTo(allowed);
        enforcement.as(SOMEONE, (EntityManager em) -> {
            counters.deleteAllInBatch();
            return null;
        });
        assertThat(countersWhere("c.x > 0")).isZero();
        assertThat(countersWhere("c.x <= 0")).as("the rows the rule refuses, untouched").isEqualTo(refused);
    }

    private long countersWhere(String condition) {
        return enforcement.asSystem(
                (EntityManager em) -> em.createQuery("select count(c) from Counter c where " + condition, Long.class)
                    .getSingleResult());
    }

    @Test
    void aBulkUpdateWhoseRulesHoldForEveryRowRunsOnTheReadableRowsOnly() {
        Long shelf = enforcement.asSystem((EntityManager em) -> {
            Shelf created = new Shelf("bulk");
            em.persist(created);
            em.persist(new Book(0, created));
            em.persist(new Book(1, created));
            return created.getId();
        });
        Integer updated = enforcement.as(SOMEONE,
                (EntityManager em) -> em.createQuery("update Book b set b.y = b.y + 10 where b.shelf.id = :s")
                    .setParameter("s", shelf)
                    .executeUpdate());
        assertThat(updated).isEqualTo(1);
        List<Integer> ys = enforcement.asSystem((EntityManager em) -> em
            .createQuery("select b.y from Book b where b.shelf.id = :s order by b.y", Integer.class)
            .setParameter("s", shelf)
            .getResultList());
        assertThat(ys).containsExactly(0, 11);
    }

    @Test
    void theSystemContextRunsBulkStatementsUnchecked() {
        enforcement.persistAsSystem(new Counter(0));
        Integer deleted = enforcement
            .asSystem((EntityManager em) -> em.createQuery("delete from Counter c where c.x = 0").executeUpdate());
        assertThat(deleted).isPositive();
    }

    @Test
    void aStatelessSessionOpensOnlyInTheSystemContextBecauseItsReadsAreNotFiltered() {
        Long id = enforcement.persistAsSystem(new Counter(0)).getId();
        org.hibernate.SessionFactory sessions = em.getEntityManagerFactory().unwrap(org.hibernate.SessionFactory.class);
        for (dev.rowguard.auth.AuthPrincipal caller : new dev.rowguard.auth.AuthPrincipal[] { SOMEONE, null }) {
            Throwable thrown = catchThrowable(() -> dev.rowguard.Rowguard.runAs(caller,
                    () -> sessions.inStatelessTransaction(stateless -> stateless.get(Counter.class, id))));
            assertThat(thrown).hasMessageContaining("StatelessSession");
        }
        Integer x = dev.rowguard.Rowguard
            .asSystem(() -> sessions.fromStatelessTransaction(stateless -> stateless.get(Counter.class, id).getX()));
        assertThat(x).isZero();
    }

    private long listCount() {
        return enforcement.asSystem(
                (EntityManager em) -> em.createQuery("select count(l) from TodoList l", Long.class).getSingleResult());
    }

}
