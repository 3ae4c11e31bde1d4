package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.hibernate.app.User;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row whose to-one relation points at a row the caller cannot read is hidden with it:
 * dave, who shares no space with bob, owns a todo in alice's public list, which bob can
 * otherwise read.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiddenReferencesTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    Enforcement enforcement;

    Long davesTodo;

    TodoFixture fixture;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
        enforcement = new Enforcement(em, tx);
        davesTodo = enforcement.asSystem((EntityManager em) -> {
            Todo todo = new Todo(em.find(TodoList.class, fixture.alicePublic), em.find(User.class, "dave"),
                    "dave's todo");
            em.persist(todo);
            return todo.getId();
        });
    }

    @Test
    void aRowReferencingAHiddenRowIsHiddenOnEveryPath() {
        assertThat(enforcement.as(BOB, (EntityManager em) -> em.find(Todo.class, davesTodo))).isNull();
        List<String> titles = enforcement.as(BOB,
                (EntityManager em) -> em.createQuery("select t.title from Todo t where t.list.id = :l", String.class)
                    .setParameter("l", fixture.alicePublic)
                    .getResultList());
        assertThat(titles).doesNotContain("dave's todo").hasSize(3);
        List<String> viaCollection = enforcement.as(BOB,
                (EntityManager em) -> em.find(TodoList.class, fixture.alicePublic)
                    .getTodos()
                    .stream()
                    .map(Todo::getTitle)
                    .toList());
        assertThat(viaCollection).doesNotContain("dave's todo").hasSize(3);
    }

    @Test
    void everyVisibleRowsRelationsCanBeWalkedWithoutAnError() {
        List<String> owners = enforcement.as(BOB,
                (EntityManager em) -> em.createQuery("select t from Todo t", Todo.class)
                    .getResultList()
                    .stream()
                    .map(todo -> todo.getOwner().getEmail() + " " + todo.getList().getSpace().getOwner().getEmail())
                    .toList());
        assertThat(owners).hasSize(4);
    }

    @Test
    void theReferencingRowIsVisibleToWhoeverCanReadItsTarget() {
        assertThat(enforcement.as(ALICE, (EntityManager em) -> em.find(Todo.class, davesTodo))).isNull();
        assertThat(enforcement.as(TodoFixture.DAVE, (EntityManager em) -> em.find(Todo.class, davesTodo))).isNull();
        enforcement.asSystem((EntityManager em) -> em
            .createNativeQuery(
                    "insert into space_user (space_id, user_id, role) values (" + fixture.acme + ", 'dave', 'USER')")
            .executeUpdate());
        assertThat(enforcement.as(BOB, (EntityManager em) -> em.find(Todo.class, davesTodo).getOwner().getId()))
            .isEqualTo("dave");
    }

    @Test
    void aHiddenReferenceIsNeverNulledOrRewrittenByAWrite() {
        enforcement.asSystem((EntityManager em) -> em.createNativeQuery("delete from space_user where user_id = 'dave'")
            .executeUpdate());
        enforcement.as(ALICE, (EntityManager em) -> {
            em.find(TodoList.class, fixture.alicePublic).setTitle("alice public");
            return null;
        });
        String owner = enforcement.asSystem((EntityManager em) -> em.find(Todo.class, davesTodo).getOwner().getId());
        assertThat(owner).isEqualTo("dave");
    }

}
