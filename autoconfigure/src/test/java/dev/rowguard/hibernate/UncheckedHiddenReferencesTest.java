package dev.rowguard.hibernate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.User;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With hidden references unchecked, the referencing row stays visible and the hidden row
 * behaves as missing.
 */
@SpringBootTest(classes = EnforcementTestApplication.class, properties = "rowguard.policy.hidden-references=unchecked")
@WithTestPostgres
class UncheckedHiddenReferencesTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aRowReferencingAHiddenRowIsVisibleAndItsRelationFailsLikeAMissingRow() {
        TodoFixture fixture = TodoFixture.load(em, tx);
        Enforcement enforcement = new Enforcement(em, tx);
        Long davesTodo = enforcement.asSystem((EntityManager em) -> {
            Todo todo = new Todo(em.find(TodoList.class, fixture.alicePublic), em.find(User.class, "dave"),
                    "dave's todo");
            em.persist(todo);
            return todo.getId();
        });
        assertThat(enforcement.as(BOB, (EntityManager em) -> em.find(Todo.class, davesTodo).getTitle()))
            .isEqualTo("dave's todo");
        assertThatThrownBy(
                () -> enforcement.as(BOB, (EntityManager em) -> em.find(Todo.class, davesTodo).getOwner().getEmail()))
            .isInstanceOf(EntityNotFoundException.class);
        String owner = enforcement.asSystem((EntityManager em) -> em.find(Todo.class, davesTodo).getOwner().getId());
        assertThat(owner).isEqualTo("dave");
    }

}
