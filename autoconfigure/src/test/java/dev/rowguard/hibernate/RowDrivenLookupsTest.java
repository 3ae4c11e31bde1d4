package dev.rowguard.hibernate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.ObjectNotFoundException;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One row by id (find, getReference, existsById, a query restricted by id) is read
 * through the row-driven form of the read rule, its related rows probed from the row's
 * own foreign keys; pages and counts through the set-oriented form. Both show the same
 * rows (the differential tests prove the forms equal on random rules); here the
 * statements show which form each path sends, and that a hidden row stays hidden through
 * each.
 */
@SpringBootTest(classes = EnforcementTestApplication.class, properties = {
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.rowguard.hibernate.RowDrivenLookupsTest$Recording" })
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowDrivenLookupsTest {

    static final List<String> SENT = new CopyOnWriteArrayList<>();

    // the set-oriented form tests the todo's list against the lists the caller may see
    private static final String SET_ORIENTED = "list_id IN (SELECT";

    // the row-driven form probes the todo's own list
    private static final String ROW_DRIVEN = "EXISTS (SELECT 1 FROM list";

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    TodoFixture fixture;

    Enforcement enforcement;

    Long bobsTodo;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
        enforcement = new Enforcement(em, tx);
        bobsTodo = enforcement
            .asSystem(em -> em.createQuery("select t.id from Todo t where t.title = 'bob public 1'", Long.class)
                .getSingleResult());
    }

    @BeforeEach
    void forget() {
        SENT.clear();
    }

    @Test
    void findByIdReadsThroughTheRowDrivenForm() {
        boolean found = enforcement.as(ALICE, em -> todos.findById(bobsTodo).isPresent());
        assertThat(found).isTrue();
        assertThat(todoStatements()).singleElement().satisfies(sql -> assertThat(sql).contains(ROW_DRIVEN));
    }

    @Test
    void aPageAndItsCountReadThroughTheSetOrientedForm() {
        long total = enforcement.as(ALICE, em -> todos.findAll(PageRequest.of(0, 2)).getTotalElements());
        assertThat(total).isPositive();
        assertThat(todoStatements()).hasSizeGreaterThanOrEqualTo(2)
            .allSatisfy(sql -> assertThat(sql).contains(SET_ORIENTED).doesNotContain(ROW_DRIVEN));
    }

    @Test
    void existsByIdAndAQueryByIdReadThroughTheRowDrivenForm() {
        boolean exists = enforcement.as(ALICE, em -> todos.existsById(bobsTodo));
        List<Todo> byId = enforcement.as(ALICE,
                em -> em.createQuery("select t from Todo t where t.id = :id and t.title <> 'x'", Todo.class)
                    .setParameter("id", bobsTodo)
                    .getResultList());
        assertThat(exists).isTrue();
        assertThat(byId).hasSize(1);
        assertThat(todoStatements()).hasSize(2).allSatisfy(sql -> assertThat(sql).contains(ROW_DRIVEN));
    }

    @Test
    void aProxyInitializedOnFirstAccessLoadsThroughTheRowDrivenForm() {
        String title = enforcement.as(ALICE, em -> em.getReference(Todo.class, bobsTodo).getTitle());
        assertThat(title).isEqualTo("bob public 1");
        assertThat(todoStatements()).singleElement().satisfies(sql -> assertThat(sql).contains(ROW_DRIVEN));
    }

    @Test
    void aHiddenRowStaysHiddenThroughEveryPathByIdAndAllowsNothingAfterwards() {
        Long hidden = fixture.alicePrivateTodo;
        boolean found = enforcement.as(BOB, em -> todos.findById(hidden).isPresent());
        boolean exists = enforcement.as(BOB, em -> todos.existsById(hidden));
        List<Todo> byId = enforcement.as(BOB,
                em -> em.createQuery("select t from Todo t where t.id = :id", Todo.class)
                    .setParameter("id", hidden)
                    .getResultList());
        assertThat(found).isFalse();
        assertThat(exists).isFalse();
        assertThat(byId).isEmpty();
        Throwable proxy = catchThrowable(
                () -> enforcement.as(BOB, em -> em.getReference(Todo.class, hidden).getTitle()));
        assertThat(proxy).isInstanceOfAny(EntityNotFoundException.class, ObjectNotFoundException.class);
        // after a load, the same session is back on the set-oriented form, still filtered
        List<String> titles = enforcement.as(BOB, em -> {
            em.find(Todo.class, hidden);
            return em.createQuery("select t.title from Todo t", String.class).getResultList();
        });
        assertThat(titles).isNotEmpty().noneMatch(title -> title.startsWith("alice private"));
        assertThat(SENT.get(SENT.size() - 1)).contains(SET_ORIENTED);
    }

    private static List<String> todoStatements() {
        return SENT.stream().filter(sql -> sql.contains(" from todo ")).toList();
    }

    /** Records the statements Hibernate sends. */
    public static class Recording implements StatementInspector {

        @Override
        public String inspect(String sql) {
            SENT.add(sql);
            return sql;
        }

    }

}
