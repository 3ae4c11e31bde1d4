package dev.rowguard.hibernate;

import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.TodoListRepository;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static dev.rowguard.hibernate.TodoFixture.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadEnforcementTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    @Autowired
    TodoListRepository lists;

    TodoFixture fixture;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
    }

    @Test
    void jpqlQueriesReturnOnlyTheCallersReadableRows() {
        String jpql = "select t.title from Todo t order by t.id";
        assertThat(as(ALICE, () -> em.createQuery(jpql, String.class).getResultList())).hasSize(6)
            .contains("alice private 1", "bob public 1")
            .noneMatch(title -> title.startsWith("carol"));
        assertThat(as(BOB, () -> em.createQuery(jpql, String.class).getResultList())).containsExactly("alice public 1",
                "alice public 2", "alice public 3", "bob public 1");
        assertThat(as(CAROL, () -> em.createQuery(jpql, String.class).getResultList())).hasSize(4)
            .allMatch(title -> title.startsWith("carol"));
        assertThat(as(DAVE, () -> em.createQuery(jpql, String.class).getResultList())).isEmpty();
        assertThat(as(null, () -> em.createQuery(jpql, String.class).getResultList())).isEmpty();
        assertThat(Rowguard.asSystem(() -> em.createQuery(jpql, String.class).getResultList())).hasSize(10);
    }

    @Test
    void criteriaQueriesAreFilteredLikeJpql() {
        List<Todo> visible = as(BOB, () -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Todo> query = cb.createQuery(Todo.class);
            Root<Todo> todo = query.from(Todo.class);
            return em.createQuery(query.select(todo).where(cb.like(todo.get("title"), "alice%"))).getResultList();
        });
        assertThat(visible).extracting(Todo::getTitle)
            .containsExactlyInAnyOrder("alice public 1", "alice public 2", "alice public 3");
    }

    @Test
    void aJoinToAProtectedEntityOnlyReachesItsReadableRows() {
        List<String> titles = as(BOB,
                () -> em.createQuery("select distinct l.title from Todo t join t.list l order by l.title", String.class)
                    .getResultList());
        assertThat(titles).containsExactly("alice public", "bob public");
        List<String> outer = as(BOB, () -> em
            .createQuery(
                    "select l.title from TodoList l left join Todo t on t.list = l and t.title like 'alice private%'"
                            + " where t.id is null order by l.title",
                    String.class)
            .getResultList());
        assertThat(outer).containsExactly("alice public", "bob public");
    }

    @Test
    void subqueriesSeeOnlyReadableRows() {
        Long count = as(BOB,
                () -> em
                    .createQuery("select count(l) from TodoList l where exists (select 1 from Todo t where t.list = l)"
                            + " or l.id in (select t.list.id from Todo t)", Long.class)
                    .getSingleResult());
        assertThat(count).isEqualTo(2);
        Long hiddenTodos = as(BOB,
                () -> em.createQuery("select count(t) from Todo t where t.list.id = :list", Long.class)
                    .setParameter("list", fixture.alicePrivate)
                    .getSingleResult());
        assertThat(hiddenTodos).isZero();
    }

    @Test
    void findAndFindByIdOfAHiddenRowFindNothing() {
        assertThat(as(BOB, () -> em.find(TodoList.class, fixture.alicePrivate))).isNull();
        assertThat(as(BOB, () -> lists.findById(fixture.alicePrivate))).isEmpty();
        assertThat(as(BOB, () -> todos.findById(fixture.alicePrivateTodo))).isEmpty();
        assertThat(
                ReadEnforcementTest.<java.util.Optional<TodoList>>as(ALICE, () -> lists.findById(fixture.alicePrivate)))
            .hasValueSatisfying(list -> assertThat(list.getTitle()).isEqualTo("alice private"));
    }

    @Test
    void aReferenceToAHiddenRowFailsLikeAReferenceToAMissingOne() {
        assertThatThrownBy(() -> as(BOB,
                () -> tx.execute(status -> em.getReference(TodoList.class, fixture.alicePrivate).getTitle())))
            .isInstanceOf(EntityNotFoundException.class);
        String title = as(ALICE,
                () -> tx.execute(status -> em.getReference(TodoList.class, fixture.alicePrivate).getTitle()));
        assertThat(title).isEqualTo("alice private");
    }

    @Test
    void existsCountAndDerivedQueriesAgreeWithTheFilter() {
        assertThat(as(BOB, () -> todos.existsById(fixture.alicePrivateTodo))).isFalse();
        assertThat(as(ALICE, () -> todos.existsById(fixture.alicePrivateTodo))).isTrue();
        assertThat(ReadEnforcementTest.<Long>as(BOB, todos::count)).isEqualTo(4);
        assertThat(ReadEnforcementTest.<Long>as(CAROL, todos::count)).isEqualTo(4);
        assertThat(as(BOB, () -> todos.findByTitleStartingWith("alice"))).hasSize(3);
        assertThat(as(BOB, () -> todos.countByTitleStartingWith("alice"))).isEqualTo(3);
        assertThat(as(ALICE, () -> todos.countByTitleStartingWith("alice"))).isEqualTo(5);
    }

    @Test
    void specificationsAreFiltered() {
        Specification<Todo> carols = (root, query, cb) -> cb.like(root.get("title"), "carol%");
        assertThat(as(BOB, () -> todos.findAll(carols))).isEmpty();
        assertThat(as(CAROL, () -> todos.count(carols))).isEqualTo(4);
    }

    @Test
    void pagesAndTheirTotalsCountOnlyReadableRows() {
        Page<Todo> page = as(ALICE, () -> todos.findAll(PageRequest.of(0, 4, Sort.by("id"))));
        assertThat(page.getContent()).hasSize(4);
        assertThat(page.getTotalElements()).isEqualTo(6);
        assertThat(page.getTotalPages()).isEqualTo(2);
        Page<Todo> second = as(ALICE, () -> todos.findAll(PageRequest.of(1, 4, Sort.by("id"))));
        assertThat(second.getContent()).hasSize(2).noneMatch(todo -> todo.getTitle().startsWith("carol"));
    }

    @Test
    void lazyToOneLoadsReachTheReadableParent() {
        String listTitle = as(BOB,
                () -> tx.execute(status -> todos.findByTitleStartingWith("bob").get(0).getList().getTitle()));
        assertThat(listTitle).isEqualTo("bob public");
    }

    private static <T> T as(AuthPrincipal principal, Supplier<T> work) {
        return Rowguard.runAs(principal, work);
    }

}
