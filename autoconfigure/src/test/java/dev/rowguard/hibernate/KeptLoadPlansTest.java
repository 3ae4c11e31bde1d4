package dev.rowguard.hibernate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.hibernate.internal.CallerPlanPersisters;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.Filter;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load by id under Rowguard's filters goes through a plan kept for the session's filter
 * values (Hibernate would build two per {@code find}): a caller's repeated loads share
 * one, and callers whose values differ never share one, even when their rules fold to the
 * same filters.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptLoadPlansTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    TodoFixture fixture;

    Enforcement enforcement;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
        enforcement = new Enforcement(em, tx);
    }

    @Test
    void aCallersRepeatedFindsLoadThroughOneKeptPlan() {
        enforcement.as(CAROL, em -> todos.findById(fixture.carolTodo));
        int kept = keptTodoPlans();
        for (int i = 0; i < 5; i++) {
            Optional<Todo> found = enforcement.as(CAROL, em -> todos.findById(fixture.carolTodo));
            assertThat(found).isPresent();
        }
        assertThat(kept).isPositive();
        assertThat(keptTodoPlans()).isEqualTo(kept);
    }

    @Test
    void aNewTokenOfTheSameUserLoadsThroughTheSamePlan() {
        AuthPrincipal firstToken = AuthPrincipal.builder("carol").claims(Map.of("iat", 1, "jti", "a")).build();
        AuthPrincipal secondToken = AuthPrincipal.builder("carol").claims(Map.of("iat", 2, "jti", "b")).build();
        enforcement.as(firstToken, em -> todos.findById(fixture.carolTodo));
        int kept = keptTodoPlans();
        Optional<Todo> found = enforcement.as(secondToken, em -> todos.findById(fixture.carolTodo));
        assertThat(found).isPresent();
        assertThat(keptTodoPlans()).isEqualTo(kept);
    }

    @Test
    void callersOfTheSameFilterShapeButOtherValuesNeverShareAPlan() {
        for (int i = 0; i < 3; i++) {
            Optional<Todo> byAlice = enforcement.as(ALICE, em -> todos.findById(fixture.alicePrivateTodo));
            Optional<Todo> byBob = enforcement.as(BOB, em -> todos.findById(fixture.alicePrivateTodo));
            Optional<Todo> byCarol = enforcement.as(CAROL, em -> todos.findById(fixture.alicePrivateTodo));
            String title = enforcement.as(ALICE,
                    em -> em.getReference(Todo.class, fixture.alicePrivateTodo).getTitle());
            assertThat(byAlice).isPresent();
            assertThat(byBob).isEmpty();
            assertThat(byCarol).isEmpty();
            assertThat(title).isEqualTo("alice private 1");
        }
    }

    @Test
    void aFindServedByAKeptPlanLeavesTheSessionsFiltersAsTheyWere() {
        enforcement.as(CAROL, em -> todos.findById(fixture.carolTodo));
        List<Object> swapped = enforcement.as(CAROL, em -> {
            LoadQueryInfluencers influencers = em.unwrap(SharedSessionContractImplementor.class)
                .getLoadQueryInfluencers();
            // the session chooses its filters when it first reads
            em.createQuery("select count(t) from Todo t", Long.class).getSingleResult();
            Map<String, Filter> before = enabledFilters(influencers);
            Todo found = em.find(Todo.class, fixture.carolTodo);
            Map<String, Filter> after = enabledFilters(influencers);
            // Hibernate creates a new Filter each time one is enabled: a swap to the
            // row-driven twins and back would leave other objects
            return List.of(found != null, before.keySet().equals(after.keySet()),
                    before.keySet().stream().allMatch(name -> before.get(name) == after.get(name)));
        });
        assertThat(swapped).containsExactly(true, true, true);
    }

    @Test
    void aLockingFindIsKeptApartFromAPlainOne() {
        Todo locked = enforcement.as(ALICE,
                em -> em.find(Todo.class, fixture.alicePrivateTodo, LockModeType.PESSIMISTIC_WRITE));
        Todo lockedByBob = enforcement.as(BOB,
                em -> em.find(Todo.class, fixture.alicePrivateTodo, LockModeType.PESSIMISTIC_WRITE));
        Todo plain = enforcement.as(ALICE, em -> em.find(Todo.class, fixture.alicePrivateTodo));
        assertThat(locked).isNotNull();
        assertThat(lockedByBob).isNull();
        assertThat(plain).isNotNull();
    }

    @Test
    void theSystemContextLoadsThroughHibernatesOwnPlanAndKeepsNone() {
        int kept = keptTodoPlans();
        Todo found = enforcement.asSystem(em -> em.find(Todo.class, fixture.alicePrivateTodo));
        assertThat(found).isNotNull();
        assertThat(keptTodoPlans()).isEqualTo(kept);
    }

    private static Map<String, Filter> enabledFilters(LoadQueryInfluencers influencers) {
        Map<String, Filter> filters = new HashMap<>();
        for (String name : influencers.getEnabledFilterNames()) {
            filters.put(name, influencers.getEnabledFilter(name));
        }
        return filters;
    }

    private int keptTodoPlans() {
        return CallerPlanPersisters.keptPlans(
                emf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(Todo.class));
    }

}
