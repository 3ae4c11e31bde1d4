package dev.rowguard.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.hibernate.internal.BulkMutationGuard;
import dev.rowguard.hibernate.internal.KeptSelectRendering;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HQL select, or a criteria select without parameters, under Rowguard's filters is
 * translated once per statement (criteria: per structure) and per the filter values of
 * its caller (Hibernate keeps no plan while a filter is enabled): a caller's repeated
 * query reuses the translation, and callers whose values differ never share one, even
 * when their rules fold to the same filters.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptTranslationsTest {

    private static final String TITLES = "select t.title from Todo t order by t.title";

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
    void aCallersRepeatedQueryIsTranslatedOnce() {
        List<String> first = titles(CAROL);
        int kept = keptTranslations();
        for (int i = 0; i < 5; i++) {
            List<String> again = titles(CAROL);
            boolean exists = enforcement.as(CAROL, em -> todos.existsById(fixture.carolTodo));
            assertThat(again).isEqualTo(first);
            assertThat(exists).isTrue();
        }
        assertThat(first).isNotEmpty().allMatch(title -> title.startsWith("carol"));
        assertThat(keptTranslations()).isBetween(kept, kept + 1);
        int afterExists = keptTranslations();
        titles(CAROL);
        enforcement.as(CAROL, em -> todos.existsById(fixture.carolTodo));
        assertThat(keptTranslations()).isEqualTo(afterExists);
    }

    @Test
    void callersOfTheSameFilterShapeButOtherValuesNeverShareATranslation() {
        for (int i = 0; i < 3; i++) {
            List<String> alices = titles(ALICE);
            List<String> bobs = titles(BOB);
            List<String> carols = titles(CAROL);
            boolean bobSeesAlicesPrivateTodo = enforcement.as(BOB, em -> todos.existsById(fixture.alicePrivateTodo));
            boolean aliceSeesIt = enforcement.as(ALICE, em -> todos.existsById(fixture.alicePrivateTodo));
            assertThat(alices).contains("alice private 1", "bob public 1").noneMatch(t -> t.startsWith("carol"));
            assertThat(bobs).contains("bob public 1")
                .doesNotContain("alice private 1")
                .noneMatch(t -> t.startsWith("carol"));
            assertThat(carols).isNotEmpty().allMatch(title -> title.startsWith("carol"));
            assertThat(bobSeesAlicesPrivateTodo).isFalse();
            assertThat(aliceSeesIt).isTrue();
        }
    }

    @Test
    void aKeptTranslationsSqlIsRenderedOnceAndServesEveryRepetition() {
        List<String> first = titles(BOB);
        titles(BOB);
        int rendered = renderedKeptSelects();
        for (int i = 0; i < 3; i++) {
            assertThat(titles(BOB)).isEqualTo(first);
            assertThat(exists(BOB, fixture.alicePrivateTodo)).isFalse();
        }
        assertThat(renderedKeptSelects()).isBetween(rendered, rendered + 1);
        int afterExists = renderedKeptSelects();
        assertThat(titles(BOB)).isEqualTo(first);
        assertThat(exists(BOB, fixture.alicePrivateTodo)).isFalse();
        assertThat(exists(ALICE, fixture.alicePrivateTodo)).isTrue();
        assertThat(renderedKeptSelects()).isBetween(afterExists, afterExists + 1);
        assertThat(first).contains("bob public 1").doesNotContain("alice private 1");
    }

    @Test
    void hibernatesStatisticsCountTheKeptTranslationsAsPlanCacheHitsForCallersOfDifferentShapes() {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            List<String> alices = titles(ALICE);
            List<String> anonymous = anonymousTitles();
            long hits = statistics.getQueryPlanCacheHitCount();
            long misses = statistics.getQueryPlanCacheMissCount();
            for (int i = 0; i < 3; i++) {
                assertThat(titles(ALICE)).isEqualTo(alices);
                assertThat(anonymousTitles()).isEqualTo(anonymous);
            }
            assertThat(statistics.getQueryPlanCacheMissCount()).isEqualTo(misses);
            // per execution, the parsed HQL (Hibernate's own cache) and the kept
            // translation
            assertThat(statistics.getQueryPlanCacheHitCount()).isEqualTo(hits + 2 * 6);
            assertThat(alices).contains("alice private 1").noneMatch(title -> title.startsWith("carol"));
            assertThat(anonymous).isEmpty();
        }
        finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void everyPageIsServedRightAndALockedQueryIsNeverServedAKeptRendering() {
        List<String> all = titles(ALICE);
        for (int round = 0; round < 2; round++) {
            assertThat(page(ALICE, 0, 2)).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(page(ALICE, 2, 1)).containsExactly(all.get(2));
            assertThat(titles(ALICE)).isEqualTo(all);
        }
        int rendered = renderedKeptSelects();
        List<String> locked = enforcement.as(ALICE,
                em -> em.createQuery("select t.title from Todo t where t.id = :id", String.class)
                    .setParameter("id", fixture.alicePrivateTodo)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList());
        assertThat(locked).containsExactly("alice private 1");
        assertThat(renderedKeptSelects()).isEqualTo(rendered);
    }

    @Test
    void aKeptTranslationServesEveryPageSize() {
        List<String> one = enforcement.as(ALICE,
                em -> em.createQuery(TITLES, String.class).setMaxResults(1).getResultList());
        List<String> three = enforcement.as(ALICE,
                em -> em.createQuery(TITLES, String.class).setFirstResult(1).setMaxResults(3).getResultList());
        List<String> all = titles(ALICE);
        assertThat(one).containsExactly(all.get(0));
        assertThat(three).containsExactlyElementsOf(all.subList(1, 4));
    }

    @Test
    void aRepeatedCriteriaQueryWithoutParametersIsTranslatedOncePerCaller() {
        List<String> first = criteriaTitles(BOB, null);
        int kept = keptTranslations();
        for (int i = 0; i < 3; i++) {
            assertThat(criteriaTitles(BOB, null)).isEqualTo(first);
        }
        assertThat(keptTranslations()).isEqualTo(kept);
        List<String> alices = criteriaTitles(ALICE, null);
        assertThat(first).contains("bob public 1").doesNotContain("alice private 1");
        assertThat(alices).contains("alice private 1", "bob public 1");
        // a value in a criteria query is a parameter Hibernate binds: translated afresh
        assertThat(criteriaTitles(BOB, "bob public 1")).containsExactly("bob public 1");
        assertThat(criteriaTitles(BOB, "alice private 1")).isEmpty();
        assertThat(criteriaTitles(ALICE, "alice private 1")).containsExactly("alice private 1");
    }

    @Test
    void criteriaQueriesWithParametersAndParametersBoundToListsAreTranslatedAfresh() {
        titles(ALICE);
        int kept = keptTranslations();
        List<String> byParameter = enforcement.as(BOB, em -> {
            CriteriaBuilder builder = em.getCriteriaBuilder();
            CriteriaQuery<String> query = builder.createQuery(String.class);
            var todo = query.from(Todo.class);
            query.select(todo.get("title")).where(builder.equal(todo.get("id"), builder.parameter(Long.class, "id")));
            return em.createQuery(query).setParameter("id", fixture.alicePrivateTodo).getResultList();
        });
        List<String> byList = enforcement.as(BOB,
                em -> em.createQuery("select t.title from Todo t where t.id in :ids", String.class)
                    .setParameter("ids", List.of(fixture.alicePrivateTodo, fixture.carolTodo))
                    .getResultList());
        assertThat(byParameter).isEmpty();
        assertThat(byList).isEmpty();
        assertThat(keptTranslations()).isEqualTo(kept);
    }

    @Test
    void callersRacingThroughTheSameQueriesAndLoadsSeeOnlyTheirOwnRows() throws Exception {
        List<AuthPrincipal> callers = List.of(ALICE, BOB, CAROL, ALICE, BOB, CAROL);
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            List<Future<List<String>>> seen = new ArrayList<>();
            for (AuthPrincipal caller : callers) {
                seen.add(pool.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        List<String> titles = titles(caller);
                        boolean exists = enforcement.as(caller, em -> todos.existsById(fixture.alicePrivateTodo));
                        boolean found = enforcement.as(caller,
                                em -> em.find(Todo.class, fixture.alicePrivateTodo) != null);
                        boolean mayRead = caller == ALICE;
                        if (titles.contains("alice private 1") != mayRead || exists != mayRead || found != mayRead
                                || titles.stream().anyMatch(t -> t.startsWith("carol")) != (caller == CAROL)) {
                            problems.add(caller.id() + " round " + i + ": " + titles + " " + exists + " " + found);
                        }
                    }
                    return problems;
                }));
            }
            for (Future<List<String>> problems : seen) {
                assertThat(problems.get(2, TimeUnit.MINUTES)).isEmpty();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Titles by a new criteria query each time, of the todos titled so if given. */
    private List<String> criteriaTitles(AuthPrincipal caller, @Nullable String title) {
        return enforcement.as(caller, em -> {
            CriteriaBuilder builder = em.getCriteriaBuilder();
            CriteriaQuery<String> query = builder.createQuery(String.class);
            var todo = query.from(Todo.class);
            query.select(todo.get("title")).orderBy(builder.asc(todo.get("title")));
            if (title != null) {
                query.where(builder.equal(todo.get("title"), builder.literal(title)));
            }
            return em.createQuery(query).getResultList();
        });
    }

    private List<String> titles(AuthPrincipal caller) {
        return enforcement.as(caller, em -> em.createQuery(TITLES, String.class).getResultList());
    }

    private List<String> anonymousTitles() {
        return Rowguard.runAs(null, (Supplier<List<String>>) () -> tx
            .execute(status -> em.createQuery(TITLES, String.class).getResultList()));
    }

    private boolean exists(AuthPrincipal caller, long id) {
        return enforcement.as(caller, em -> todos.existsById(id));
    }

    private List<String> page(AuthPrincipal caller, int first, int size) {
        return enforcement.as(caller,
                em -> em.createQuery(TITLES, String.class).setFirstResult(first).setMaxResults(size).getResultList());
    }

    private int renderedKeptSelects() {
        return ((KeptSelectRendering) emf.unwrap(SessionFactoryImplementor.class)
            .getJdbcServices()
            .getJdbcEnvironment()
            .getSqlAstTranslatorFactory()).renderedKeptSelects();
    }

    private int keptTranslations() {
        return ((BulkMutationGuard) emf.unwrap(SessionFactoryImplementor.class)
            .getQueryEngine()
            .getSqmTranslatorFactory()).keptTranslations();
    }

}
