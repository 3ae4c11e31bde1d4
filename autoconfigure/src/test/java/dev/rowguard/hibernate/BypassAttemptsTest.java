package dev.rowguard.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaUpdate;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.CallerContext;
import dev.rowguard.hibernate.app.Book;
import dev.rowguard.hibernate.app.BypassCounterRepository;
import dev.rowguard.hibernate.app.BypassDoc;
import dev.rowguard.hibernate.app.BypassFile;
import dev.rowguard.hibernate.app.BypassFolder;
import dev.rowguard.hibernate.app.BypassNote;
import dev.rowguard.hibernate.app.BypassPrivateDoc;
import dev.rowguard.hibernate.app.BypassProfile;
import dev.rowguard.hibernate.app.Counter;
import dev.rowguard.hibernate.app.CounterRepository;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Shelf;
import dev.rowguard.hibernate.app.Tag;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.TodoListRepository;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.hibernate.app.User;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.StatelessSessionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Attempts to read rows a caller may not read, or change rows they may not change,
 * through Hibernate, JPA and Spring Data (native SQL is out of reach by design and not
 * tried here). Every test asserts the secure behaviour: the attempt either sees and
 * changes nothing it may not, or is refused with a clear error.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BypassAttemptsTest {

    static final AuthPrincipal SOMEONE = AuthPrincipal.of("someone");

    /** Titles and names bob must never see. */
    static final List<String> HIDDEN_FROM_BOB = List.of("alice private", "carol", "Solo");

    @PersistenceContext
    EntityManager em;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    @Autowired
    TodoListRepository lists;

    @Autowired
    CounterRepository counters;

    @Autowired
    BypassCounterRepository counterQueries;

    TodoFixture fixture;

    Enforcement enforcement;

    Long shelf;

    Long hiddenBook;

    Long spareList;

    Long emptyHiddenList;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
        enforcement = new Enforcement(em, tx);
        shelf = enforcement.asSystem((EntityManager em) -> {
            Shelf created = new Shelf("bypass");
            em.persist(created);
            em.persist(new Book(0, created));
            em.persist(new Book(1, created));
            em.persist(new Book(2, created));
            Tag hidden = new Tag("hidden tag", false);
            Tag visible = new Tag("visible tag", true);
            em.persist(hidden);
            em.persist(visible);
            created.getTags().add(hidden);
            created.getTags().add(visible);
            return created.getId();
        });
        hiddenBook = enforcement.persistAsSystem(new Book(0, null)).getId();
        spareList = enforcement.asSystem((EntityManager em) -> {
            TodoList list = new TodoList(em.find(dev.rowguard.hibernate.app.Space.class, fixture.acme),
                    em.find(User.class, "alice"), "alice spare", false);
            em.persist(list);
            return list.getId();
        });
        emptyHiddenList = enforcement.asSystem((EntityManager em) -> {
            TodoList list = new TodoList(em.find(dev.rowguard.hibernate.app.Space.class, fixture.solo),
                    em.find(User.class, "carol"), "carol empty", false);
            em.persist(list);
            return list.getId();
        });
    }

    // ---------------------------------------------------------------- HQL / JPQL reads

    @Test
    void aUnionCannotReachRowsTheCallerMayNotRead() {
        List<String> names = as(BOB,
                (EntityManager em) -> em
                    .createQuery("select t.title from Todo t union select l.title from TodoList l"
                            + " union select s.name from Space s union select u.id from User u", String.class)
                    .getResultList());
        assertThat(names).contains("alice public 1", "bob public 1", "alice public", "bob public", "Acme", "alice",
                "bob");
        assertNoneHiddenFromBob(names);
        assertThat(names).doesNotContain("dave");
    }

    @Test
    void aCommonTableExpressionSeesOnlyReadableRows() {
        List<String> titles = as(BOB,
                (EntityManager em) -> em
                    .createQuery("with x as (select t.title as title, t.list.id as listId from Todo t)"
                            + " select c.title from x c", String.class)
                    .getResultList());
        assertThat(titles).hasSize(4);
        assertNoneHiddenFromBob(titles);
        Long hidden = as(BOB,
                (EntityManager em) -> em
                    .createQuery("with x as (select t.list.id as listId from Todo t)"
                            + " select count(*) from x c where c.listId = :l", Long.class)
                    .setParameter("l", fixture.alicePrivate)
                    .getSingleResult());
        assertThat(hidden).isZero();
    }

    @Test
    void aCrossJoinFiltersBothSides() {
        List<Object[]> pairs = as(BOB,
                (EntityManager em) -> em.createQuery("select t.title, l.title from Todo t, TodoList l", Object[].class)
                    .getResultList());
        assertThat(pairs).isNotEmpty();
        pairs.forEach(pair -> assertNoneHiddenFromBob(List.of((String) pair[0], (String) pair[1])));
        Long viaEntityJoin = as(BOB,
                (EntityManager em) -> em
                    .createQuery("select count(*) from TodoList l join Todo t on t.list.id = l.id" + " where l.id = :l",
                            Long.class)
                    .setParameter("l", fixture.alicePrivate)
                    .getSingleResult());
        assertThat(viaEntityJoin).isZero();
    }

    @Test
    void aFetchJoinWithAWhereClauseFetchesOnlyReadableRows() {
        List<TodoList> fetched = as(BOB, (EntityManager em) -> em
            .createQuery("select distinct l from TodoList l join fetch l.todos t" + " where t.title like 'alice%'",
                    TodoList.class)
            .getResultList());
        assertThat(fetched).extracting(TodoList::getTitle).containsExactly("alice public");
        List<Integer> ys = as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select s from Shelf s left join fetch s.books where s.id = :s", Shelf.class)
                    .setParameter("s", shelf)
                    .getSingleResult()
                    .getBooks()
                    .stream()
                    .map(Book::getY)
                    .toList());
        assertThat(ys).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void selectNewAndGroupByHavingAndCountDistinctSeeOnlyReadableRows() {
        List<List> rows = as(BOB,
                (EntityManager em) -> em.createQuery("select new list(l.title, l.id) from TodoList l", List.class)
                    .getResultList());
        rows.forEach(row -> assertNoneHiddenFromBob(List.of((String) row.get(0))));
        List<String> grouped = as(BOB,
                (EntityManager em) -> em
                    .createQuery("select l.title from Todo t join t.list l group by l.title"
                            + " having count(t) >= 1 order by l.title", String.class)
                    .getResultList());
        assertThat(grouped).containsExactly("alice public", "bob public");
        Long distinctLists = as(BOB,
                (EntityManager em) -> em.createQuery("select count(distinct t.list) from Todo t", Long.class)
                    .getSingleResult());
        assertThat(distinctLists).isEqualTo(2);
        Long hiddenHaving = as(BOB,
                (EntityManager em) -> em
                    .createQuery("select count(*) from TodoList l where l.id = :l"
                            + " and (select count(t) from Todo t where t.list = l) > 0", Long.class)
                    .setParameter("l", fixture.alicePrivate)
                    .getSingleResult());
        assertThat(hiddenHaving).isZero();
    }

    @Test
    void collectionFunctionsOverAReadableParentCountOnlyReadableElements() {
        assertThat(as(SOMEONE,
                (EntityManager em) -> em.createQuery("select size(s.books) from Shelf s where s.id = :s", Integer.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isEqualTo(2);
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(b) from Shelf s join s.books b where s.id = :s", Long.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isEqualTo(2);
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select min(b.y) from Shelf s join s.books b where s.id = :s", Integer.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isEqualTo(1);
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(s) from Shelf s where s.id = :s and size(s.books) > 2", Long.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isZero();
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(s) from Shelf s where s.id = :s"
                            + " and exists (select 1 from s.books b where b.y = 0)", Long.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isZero();
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(s) from Shelf s where s.id = :s and :b member of s.books", Long.class)
                    .setParameter("s", shelf)
                    .setParameter("b", em.getReference(Book.class, hiddenBook))
                    .getSingleResult()))
            .isZero();
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select t.name from Shelf s join s.tags t where s.id = :s", String.class)
                    .setParameter("s", shelf)
                    .getResultList()))
            .containsExactly("visible tag");
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(s) from Shelf s where s.id = :s and s.books is empty", Long.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isZero();
    }

    @Test
    void sizeOfAManyToManyCollectionCountsOnlyReadableElements() {
        assertThat(as(SOMEONE,
                (EntityManager em) -> em.createQuery("select size(s.tags) from Shelf s where s.id = :s", Integer.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isEqualTo(1);
        assertThat(as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(s) from Shelf s where s.id = :s and size(s.tags) > 1", Long.class)
                    .setParameter("s", shelf)
                    .getSingleResult()))
            .isZero();
    }

    @Test
    void criteriaSubqueriesOverProtectedEntitiesAreFiltered() {
        Long count = as(BOB, (EntityManager em) -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            var query = cb.createQuery(Long.class);
            var list = query.from(TodoList.class);
            var sub = query.subquery(Long.class);
            var todo = sub.from(dev.rowguard.hibernate.app.Todo.class);
            sub.select(cb.count(todo)).where(cb.equal(todo.get("list"), list));
            return em
                .createQuery(query.select(cb.count(list))
                    .where(cb.equal(list.get("id"), fixture.alicePrivate), cb.greaterThan(sub, 0L)))
                .getSingleResult();
        });
        assertThat(count).isZero();
    }

    // ---------------------------------------------------------------- loads by key

    @Test
    void everyLoadByKeyApiFindsNothingForAHiddenRow() {
        List<Long> ids = List.of(fixture.alicePrivate, fixture.bobPublic, fixture.carolList);
        assertThat(as(BOB, (EntityManager em) -> em.unwrap(Session.class).findMultiple(TodoList.class, ids)).stream()
            .filter(Objects::nonNull)
            .map(TodoList::getId)).containsExactly(fixture.bobPublic);
        assertThat(as(BOB, (EntityManager em) -> em.unwrap(Session.class).byMultipleIds(TodoList.class).multiLoad(ids))
            .stream()
            .filter(Objects::nonNull)
            .map(TodoList::getId)).containsExactly(fixture.bobPublic);
        assertThat(
                as(BOB, (EntityManager em) -> em.unwrap(Session.class).byId(TodoList.class).load(fixture.alicePrivate)))
            .isNull();
        assertThat(as(BOB,
                (EntityManager em) -> em.unwrap(Session.class).byId(TodoList.class).loadOptional(fixture.alicePrivate)))
            .isEmpty();
        assertThat(as(BOB,
                (EntityManager em) -> em.find(TodoList.class, fixture.alicePrivate, LockModeType.PESSIMISTIC_WRITE)))
            .isNull();
        assertThat(as(SOMEONE, (EntityManager em) -> em.find(Book.class, hiddenBook, LockModeType.PESSIMISTIC_READ)))
            .isNull();
        assertThat(as(BOB, (EntityManager em) -> {
            EntityGraph<TodoList> graph = em.createEntityGraph(TodoList.class);
            graph.addAttributeNodes("todos", "owner", "space");
            return em.find(TodoList.class, fixture.alicePrivate, Map.of("jakarta.persistence.fetchgraph", graph));
        })).isNull();
        assertThat(as(SOMEONE,
                (EntityManager em) -> em.unwrap(Session.class).findMultiple(Book.class, List.of(hiddenBook)))
            .stream()
            .filter(Objects::nonNull)
            .toList()).isEmpty();
    }

    @Test
    void anEntityGraphFetchesOnlyReadableCollectionElements() {
        List<Integer> ys = as(SOMEONE, (EntityManager em) -> {
            EntityGraph<Shelf> graph = em.createEntityGraph(Shelf.class);
            graph.addAttributeNodes("books", "tags");
            Shelf found = em.find(Shelf.class, shelf, Map.of("jakarta.persistence.fetchgraph", graph));
            assertThat(found.getTags()).extracting(Tag::getName).containsExactly("visible tag");
            return found.getBooks().stream().map(Book::getY).toList();
        });
        assertThat(ys).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void refreshingAReferenceToAHiddenRowDoesNotLoadIt() {
        Object outcome = outcome(() -> as(BOB, (EntityManager em) -> {
            TodoList reference = em.getReference(TodoList.class, fixture.alicePrivate);
            em.refresh(reference);
            return reference.getTitle();
        }));
        assertThat(outcome).isNotEqualTo("alice private");
        Object locked = outcome(() -> as(BOB, (EntityManager em) -> {
            TodoList reference = em.getReference(TodoList.class, fixture.alicePrivate);
            em.lock(reference, LockModeType.PESSIMISTIC_WRITE);
            return reference.getTitle();
        }));
        assertThat(locked).isNotEqualTo("alice private");
    }

    @Test
    void aNaturalIdLoadOfAHiddenRowFindsNothing() {
        enforcement.persistAsSystem(new BypassNote("natural-alice", "alice", false, "alice natural"));
        assertThat(as(BOB,
                (EntityManager em) -> em.unwrap(Session.class)
                    .bySimpleNaturalId(BypassNote.class)
                    .load("natural-alice")))
            .isNull();
        assertThat(as(BOB,
                (EntityManager em) -> em.unwrap(Session.class)
                    .byNaturalId(BypassNote.class)
                    .using("code", "natural-alice")
                    .load()))
            .isNull();
        assertThat(as(ALICE,
                (EntityManager em) -> em.unwrap(Session.class)
                    .bySimpleNaturalId(BypassNote.class)
                    .load("natural-alice")
                    .getText()))
            .isEqualTo("alice natural");
        Object reference = outcome(() -> as(BOB,
                (EntityManager em) -> em.unwrap(Session.class)
                    .bySimpleNaturalId(BypassNote.class)
                    .getReference("natural-alice")
                    .getText()));
        assertThat(reference).isNotEqualTo("alice natural");
    }

    // ---------------------------------------------------------------- two-valued null
    // logic

    @Test
    void anAnonymousCallerNeverMatchesANullOwnerAndNullNeverEqualsOrDiffersFromAnything() {
        enforcement.persistAsSystem(new BypassNote("null-shared", null, true, "null shared"));
        enforcement.persistAsSystem(new BypassNote("null-private", null, false, "null private"));
        enforcement.persistAsSystem(new BypassNote("alice-private", "alice", false, "alice private note"));
        enforcement.persistAsSystem(new BypassNote("alice-shared", "alice", true, "alice shared note"));
        String jpql = "select n.code from BypassNote n where n.code in ('null-shared', 'null-private', 'alice-private', 'alice-shared')";
        assertThat(as(null, (EntityManager em) -> em.createQuery(jpql, String.class).getResultList())).isEmpty();
        assertThat(as(BOB, (EntityManager em) -> em.createQuery(jpql, String.class).getResultList()))
            .containsExactly("alice-shared");
        assertThat(as(ALICE, (EntityManager em) -> em.createQuery(jpql, String.class).getResultList()))
            .containsExactlyInAnyOrder("alice-private", "alice-shared");
        assertThat(as(null,
                (EntityManager em) -> em.unwrap(Session.class).bySimpleNaturalId(BypassNote.class).load("null-shared")))
            .isNull();
        assertDenied(() -> enforcement.as(null, (EntityManager em) -> {
            em.persist(new BypassNote("anonymous-null", null, false, "anonymous"));
            return null;
        }), "BypassNote", CREATE);
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.persist(new BypassNote("bob-null", null, true, "bob without owner"));
            return null;
        }), "BypassNote", CREATE);
    }

    // ---------------------------------------------------------------- inheritance

    @Test
    void aSubclassWriteRuleAppliesToItsRowsWhetherLoadedThroughTheSubclassOrTheRoot() {
        Long secret = enforcement.persistAsSystem(new BypassPrivateDoc("alice", "alice's private doc")).getId();
        Long open = enforcement.persistAsSystem(new BypassDoc("alice", "alice's open doc")).getId();
        assertThat(as(BOB,
                (EntityManager em) -> em.createQuery("select d.title from BypassDoc d where d.id in :ids", String.class)
                    .setParameter("ids", List.of(secret, open))
                    .getResultList()))
            .containsExactlyInAnyOrder("alice's private doc", "alice's open doc");
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(BypassDoc.class, secret).setTitle("changed by bob through the root");
            return null;
        }), "BypassPrivateDoc", UPDATE);
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(BypassPrivateDoc.class, secret).setTitle("changed by bob");
            return null;
        }), "BypassPrivateDoc", UPDATE);
        enforcement.as(BOB, (EntityManager em) -> {
            em.find(BypassDoc.class, open).setTitle("alice's open doc, edited by bob");
            return null;
        });
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(BypassDoc.class, secret).getTitle()))
            .isEqualTo("alice's private doc");
    }

    // ---------------------------------------------------------------- bulk statements

    @Test
    void bulkStatementsThroughCriteriaAndSpringDataNeverReachARowTheRuleRefuses() {
        Long zero = enforcement.persistAsSystem(new Counter(0)).getId();
        Long five = enforcement.persistAsSystem(new Counter(5)).getId();
        enforcement.as(SOMEONE, (EntityManager em) -> {
            counters.deleteAllByIdInBatch(List.of(zero));
            return null;
        });
        assertThat(changedBySomeone(em -> counterQueries.deleteWhereX(0))).isZero();
        assertThat(changedBySomeone(em -> counterQueries.moveX(0, 7))).isZero();
        assertThat(changedBySomeone(em -> em.unwrap(Session.class)
            .createMutationQuery("delete from Counter c where c.id = :id")
            .setParameter("id", zero)
            .executeUpdate())).isZero();
        assertThat(changedBySomeone(em -> {
            CriteriaUpdate<Counter> update = em.getCriteriaBuilder().createCriteriaUpdate(Counter.class);
            update.where(update.from(Counter.class).get("id").in(zero, five));
            update.set("x", 9);
            return em.createQuery(update).executeUpdate();
        })).as("five only").isEqualTo(1);
        assertThat(changedBySomeone(em -> {
            CriteriaDelete<Counter> delete = em.getCriteriaBuilder().createCriteriaDelete(Counter.class);
            delete.where(delete.from(Counter.class).get("id").in(zero, five));
            return em.createQuery(delete).executeUpdate();
        })).as("five only").isEqualTo(1);
        assertThat(enforcement.asSystem(
                (EntityManager em) -> em.createQuery("select c.x from Counter c where c.id in :ids", Integer.class)
                    .setParameter("ids", List.of(zero, five))
                    .getResultList()))
            .containsExactly(0);
    }

    private int changedBySomeone(java.util.function.Function<EntityManager, Integer> work) {
        Integer changed = enforcement.as(SOMEONE, work);
        return changed;
    }

    @Test
    void aBulkStatementOnAnEntitySpanningTwoTablesChangesOnlyTheRowsTheRuleAllows() {
        Long alices = enforcement.persistAsSystem(new BypassProfile("alice", "alice bio")).getId();
        Long bobs = enforcement.persistAsSystem(new BypassProfile("bob", "bob bio")).getId();
        Integer updated = enforcement.as(BOB,
                (EntityManager em) -> em.createQuery("update BypassProfile p set p.bio = 'edited'").executeUpdate());
        assertThat(updated).as("bob's own profiles").isPositive();
        assertThat(enforcement.asSystem((EntityManager em) -> em
            .createQuery("select p.bio from BypassProfile p where p.id in :ids order by p.id", String.class)
            .setParameter("ids", List.of(alices, bobs))
            .getResultList())).as("alice's profile after bob's bulk update").containsExactly("alice bio", "edited");
        enforcement.as(BOB, (EntityManager em) -> em.createQuery("delete from BypassProfile p").executeUpdate());
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(BypassProfile.class, alices)))
            .as("alice's profile after bob's bulk delete")
            .isNotNull();
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(BypassProfile.class, bobs))).isNull();
    }

    // ---------------------------------------------------------------- writes through
    // entities

    @Test
    void resettingTheLoadedSnapshotWithSetReadOnlyDoesNotLetACallerTakeOverARow() {
        Throwable thrown = catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> {
            Session session = em.unwrap(Session.class);
            TodoList list = em.find(TodoList.class, spareList);
            session.setReadOnly(list, true);
            list.setOwner(em.getReference(User.class, "bob"));
            session.setReadOnly(list, false);
            list.setTitle("taken over by bob");
            return null;
        }));
        List<String> stored = enforcement.asSystem((EntityManager em) -> {
            TodoList list = em.find(TodoList.class, spareList);
            return List.of(list.getOwner().getId(), list.getTitle());
        });
        assertThat(stored).containsExactly("alice", "alice spare");
        assertThat(thrown).as("a denied update").isNotNull();
    }

    @Test
    void anOwnerMayStillChangeARowLoadedReadOnlyAndMadeWritable() {
        enforcement.as(ALICE, (EntityManager em) -> {
            Session session = em.unwrap(Session.class);
            TodoList list = em.createQuery("select l from TodoList l where l.id = :id", TodoList.class)
                .setParameter("id", spareList)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getSingleResult();
            session.setReadOnly(list, false);
            list.setTitle("alice spare, renamed");
            return null;
        });
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, spareList).getTitle()))
            .isEqualTo("alice spare, renamed");
        enforcement.asSystem((EntityManager em) -> {
            em.find(TodoList.class, spareList).setTitle("alice spare");
            return null;
        });
    }

    @Test
    void removingAReferenceToAHiddenRowDeletesNothing() {
        catchThrowable(() -> enforcement.as(SOMEONE, (EntityManager em) -> {
            em.remove(em.getReference(Book.class, hiddenBook));
            return null;
        }));
        catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.remove(em.getReference(TodoList.class, emptyHiddenList));
            return null;
        }));
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Book.class, hiddenBook))).isNotNull();
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, emptyHiddenList))).isNotNull();
    }

    @Test
    void savingADetachedCopyOfAHiddenRowThroughSpringDataChangesNothing() {
        TodoList hidden = enforcement.as(CAROL, (EntityManager em) -> em.find(TodoList.class, emptyHiddenList));
        hidden.setTitle("overwritten by bob");
        assertThat(catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> lists.saveAndFlush(hidden))))
            .isNotNull();
        assertThat(catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> lists.saveAll(List.of(hidden)))))
            .isNotNull();
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, emptyHiddenList).getTitle()))
            .isEqualTo("carol empty");
    }

    @Test
    void mergingANewEntityOverAHiddenAssignedIdNeitherChangesItNorRevealsIt() {
        Throwable thrown = catchThrowable(() -> enforcement.as(CAROL, (EntityManager em) -> {
            User impostor = new User("alice");
            impostor.setEmail("carol@evil.example");
            return em.merge(impostor);
        }));
        assertThat(thrown).as("a write aimed at a hidden row fails").isNotNull();
        assertThat(messages(thrown)).doesNotContain("duplicate key")
            .doesNotContain("already exists")
            .doesNotContain("app_user_pkey");
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(User.class, "alice").getEmail()))
            .isEqualTo("alice@example.com");
    }

    @Test
    void persistingAnEntityWithTheAssignedIdOfAHiddenRowDoesNotRevealIt() {
        Throwable thrown = catchThrowable(() -> enforcement.as(CAROL, (EntityManager em) -> {
            em.persist(new User("alice"));
            return null;
        }));
        assertThat(thrown).isNotNull();
        assertThat(messages(thrown)).doesNotContain("duplicate key")
            .doesNotContain("already exists")
            .doesNotContain("app_user_pkey");
    }

    // ---------------------------------------------------------------- writes through
    // collections and relations

    @Test
    void addingAHiddenRowToAOneToManyCollectionDoesNotRewriteItsForeignKey() {
        Long bobsFolder = enforcement.persistAsSystem(new BypassFolder("bob", "bob's folder")).getId();
        Long alicesFile = enforcement.persistAsSystem(new BypassFile("alice", "alice's file")).getId();
        catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(BypassFolder.class, bobsFolder).getFiles().add(em.getReference(BypassFile.class, alicesFile));
            return null;
        }));
        assertThat(folderOf(alicesFile)).isNull();
    }

    @Test
    void replacingAOneToManyCollectionLeavesTheHiddenElementsAttached() {
        Long[] ids = enforcement.asSystem((EntityManager em) -> {
            BypassFile alices = new BypassFile("alice", "alice's file in bob's folder");
            BypassFile bobs = new BypassFile("bob", "bob's file");
            em.persist(alices);
            em.persist(bobs);
            BypassFolder folder = new BypassFolder("bob", "bob's shared folder");
            folder.getFiles().add(alices);
            folder.getFiles().add(bobs);
            em.persist(folder);
            return new Long[] { folder.getId(), alices.getId() };
        });
        catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> {
            BypassFolder folder = em.find(BypassFolder.class, ids[0]);
            assertThat(folder.getFiles()).extracting(BypassFile::getName).containsExactly("bob's file");
            folder.setFiles(new ArrayList<>());
            return null;
        }));
        assertThat(folderOf(ids[1])).isEqualTo(ids[0]);
    }

    @Test
    void changingAManyToManyCollectionIsCheckedAgainstTheOwnersUpdateRule() {
        Long alicesFolder = enforcement.persistAsSystem(new BypassFolder("alice", "alice's folder")).getId();
        Long bobsFile = enforcement.persistAsSystem(new BypassFile("bob", "bob's pin")).getId();
        Throwable thrown = catchThrowable(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(BypassFolder.class, alicesFolder).getPins().add(em.find(BypassFile.class, bobsFile));
            return null;
        }));
        assertThat(pinsOf(alicesFolder)).as("pins bob added to alice's folder").isZero();
        assertDenied(() -> {
            throw thrown;
        }, "BypassFolder", UPDATE);
    }

    @Test
    void replacingAManyToManyCollectionThatHoldsHiddenElementsIsRefusedAndChangesNothing() {
        Long[] ids = enforcement.asSystem((EntityManager em) -> {
            BypassFile alices = new BypassFile("alice", "alice's pin");
            BypassFile bobs = new BypassFile("bob", "bob's own pin");
            em.persist(alices);
            em.persist(bobs);
            BypassFolder created = new BypassFolder("bob", "bob's pinboard");
            created.getPins().add(alices);
            created.getPins().add(bobs);
            em.persist(created);
            return new Long[] { created.getId(), bobs.getId() };
        });
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(BypassFolder.class, ids[0]).setPins(new java.util.HashSet<>());
            return null;
        }), "BypassFile", READ);
        assertThat(pinsOf(ids[0])).as("both links after the refused replacement").isEqualTo(2);
        enforcement.as(BOB, (EntityManager em) -> {
            BypassFolder folder = em.find(BypassFolder.class, ids[0]);
            assertThat(folder.getPins()).extracting(BypassFile::getName).containsExactly("bob's own pin");
            return folder.getPins().remove(em.find(BypassFile.class, ids[1]));
        });
        assertThat(pinsOf(ids[0])).as("alice's pin survives bob removing the one he can see").isEqualTo(1);
    }

    @Test
    void callersStillLinkAndUnlinkRowsTheyMayChangeThroughCollections() {
        Long[] ids = enforcement.as(BOB, (EntityManager em) -> {
            BypassFile file = new BypassFile("bob", "bob's new file");
            BypassFile pin = new BypassFile("bob", "bob's new pin");
            em.persist(file);
            em.persist(pin);
            BypassFolder folder = new BypassFolder("bob", "bob's new folder");
            folder.getFiles().add(file);
            folder.getPins().add(pin);
            em.persist(folder);
            return new Long[] { folder.getId(), file.getId(), pin.getId() };
        });
        assertThat(folderOf(ids[1])).as("a new file in a new folder").isEqualTo(ids[0]);
        assertThat(pinsOf(ids[0])).as("a new pin in a new folder").isEqualTo(1);
        Long later = enforcement.persistAsSystem(new BypassFile("bob", "bob's older file")).getId();
        enforcement.as(BOB, (EntityManager em) -> {
            BypassFolder folder = em.find(BypassFolder.class, ids[0]);
            folder.getFiles().add(em.find(BypassFile.class, later));
            folder.getPins().add(em.find(BypassFile.class, later));
            return null;
        });
        assertThat(folderOf(later)).isEqualTo(ids[0]);
        assertThat(pinsOf(ids[0])).isEqualTo(2);
        enforcement.as(BOB, (EntityManager em) -> {
            BypassFolder folder = em.find(BypassFolder.class, ids[0]);
            folder.getFiles().clear();
            folder.getPins().clear();
            return null;
        });
        assertThat(folderOf(later)).isNull();
        assertThat(pinsOf(ids[0])).isZero();
    }

    @Test
    void pointingAToOneAtAHiddenRowNeverLetsTheCallerReadIt() {
        Long bobsFolder = enforcement.persistAsSystem(new BypassFolder("bob", "bob's cover folder")).getId();
        Long alicesFile = enforcement.persistAsSystem(new BypassFile("alice", "alice's cover")).getId();
        Object outcome = outcome(() -> enforcement.as(BOB, (EntityManager em) -> {
            BypassFolder folder = em.find(BypassFolder.class, bobsFolder);
            folder.setCover(em.getReference(BypassFile.class, alicesFile));
            em.flush();
            return folder.getCover().getName();
        }));
        assertThat(outcome).isNotEqualTo("alice's cover");
        List<String> names = enforcement.as(BOB,
                (EntityManager em) -> em
                    .createQuery("select f.cover.name from BypassFolder f where f.cover is not null", String.class)
                    .getResultList());
        assertThat(names).doesNotContain("alice's cover");
    }

    // ---------------------------------------------------------------- callers and
    // contexts

    @Test
    void aChangeFlushedAfterSwitchingCallersIsCheckedAsTheCallerWhoMadeIt() {
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(TodoList.class, fixture.alicePublic).setTitle("renamed by bob");
            return Rowguard.asSystem(() -> em.find(TodoList.class, fixture.alicePublic).getTitle());
        }), "TodoList", UPDATE);
        assertDenied(() -> enforcement.as(BOB, (EntityManager em) -> {
            em.find(TodoList.class, fixture.alicePublic).setTitle("renamed by bob");
            return Rowguard.runAs(ALICE, () -> em.find(TodoList.class, fixture.alicePublic).getTitle());
        }), "TodoList", UPDATE);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, fixture.alicePublic).getTitle()))
            .isEqualTo("alice public");
    }

    @Test
    void entitiesLoadedInTheSystemContextCannotBeChangedByAUserAfterTheSwitch() {
        Object outcome = outcome(() -> Rowguard.asSystem(() -> tx.execute(status -> {
            TodoList hidden = em.find(TodoList.class, emptyHiddenList);
            Rowguard.runAs(BOB, () -> {
                hidden.setTitle("renamed through a system-loaded entity");
                em.flush();
            });
            return null;
        })));
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(TodoList.class, emptyHiddenList).getTitle()))
            .as("outcome %s", outcome)
            .isEqualTo("carol empty");
    }

    @Test
    void aFailedFlushWhenLeavingTheSystemContextDoesNotLeaveTheThreadInIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Throwable failed = pool
                .submit(() -> catchThrowable(() -> tx
                    .executeWithoutResult(status -> Rowguard.asSystem(() -> em.persist(new User("alice"))))))
                .get();
            assertThat(failed).as("the duplicate insert fails").isNotNull();
            assertThat(pool.submit(() -> CallerContext.current().system()).get())
                .as("the pooled thread is back to its caller")
                .isFalse();
            assertThat(pool.submit(() -> todos.count()).get()).as("anonymous sees no todos").isZero();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPersistenceContextOpenOutsideATransactionIsNotReusedAcrossCallers() {
        TodoList seenByBob = Rowguard.runAs(ALICE, () -> {
            EntityManager openInView = emf.createEntityManager();
            TransactionSynchronizationManager.bindResource(emf, new EntityManagerHolder(openInView));
            try {
                assertThat(lists.findById(fixture.alicePrivate)).isPresent();
                return Rowguard.runAs(BOB, () -> lists.findById(fixture.alicePrivate).orElse(null));
            }
            finally {
                TransactionSynchronizationManager.unbindResource(emf);
                openInView.close();
            }
        });
        assertThat(seenByBob).isNull();
    }

    @Test
    void aStatelessSessionCannotBeOpenedForAUserThroughAnySessionBuilder() {
        SessionFactory sessions = emf.unwrap(SessionFactory.class);
        List<Function<EntityManager, StatelessSession>> openers = List.of(
                em -> em.unwrap(Session.class).statelessWithOptions().connection().open(),
                em -> em.unwrap(Session.class).statelessWithOptions().interceptor().open(),
                em -> em.unwrap(Session.class).statelessWithOptions().noSessionInterceptorCreation().open(),
                em -> ((StatelessSessionBuilder) sessions.withStatelessOptions().noSessionInterceptorCreation())
                    .openStatelessSession(),
                em -> ((StatelessSessionBuilder) sessions.withStatelessOptions()
                    .interceptor(new org.hibernate.Interceptor() {
                    })).openStatelessSession());
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            for (int i = 0; i < openers.size(); i++) {
                Function<EntityManager, StatelessSession> opener = openers.get(i);
                Object outcome = outcome(() -> enforcement.as(BOB, (EntityManager em) -> {
                    try (StatelessSession stateless = opener.apply(em)) {
                        return stateless.get(TodoList.class, fixture.alicePrivate) == null ? "hidden"
                                : "read a hidden row";
                    }
                }));
                soft.assertThat(outcome).as("stateless opener %d", i).isNotEqualTo("read a hidden row");
            }
        });
    }

    @Test
    void turningTheSharedGateOffInASessionRowguardHasNotSetUpNeverShowsAHiddenRow() {
        SessionFactory sessions = emf.unwrap(SessionFactory.class);
        Object outcome = outcome(() -> Rowguard.runAs(BOB, () -> {
            try (Session raw = sessions.openSession()) {
                raw.disableFilter("rowguard_gate");
                List<Long> lists = raw.createQuery("select l.id from TodoList l", Long.class).getResultList();
                return lists.contains(fixture.alicePrivate) || raw.find(TodoList.class, fixture.alicePrivate) != null
                        ? "read a hidden row" : "hidden";
            }
        }));
        assertThat(outcome).isNotEqualTo("read a hidden row");
    }

    // ---------------------------------------------------------------- helpers

    private <T> T as(AuthPrincipal principal, Function<EntityManager, T> work) {
        return enforcement.as(principal, work);
    }

    private static void assertNoneHiddenFromBob(List<String> values) {
        for (String value : values) {
            for (String hidden : HIDDEN_FROM_BOB) {
                assertThat(value).as("a value bob may not read").doesNotStartWith(hidden);
            }
        }
    }

    /** The work's result, or the exception it threw. */
    private static Object outcome(Supplier<?> work) {
        try {
            return work.get();
        }
        catch (RuntimeException ex) {
            return ex;
        }
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            all.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    private Long folderOf(Long file) {
        Object folder = enforcement
            .asSystem((EntityManager em) -> em.createNativeQuery("select folder_id from bypass_file where id = :id")
                .setParameter("id", file)
                .getSingleResult());
        return folder == null ? null : ((Number) folder).longValue();
    }

    private long pinsOf(Long folder) {
        return enforcement.asSystem((EntityManager em) -> ((Number) em
            .createNativeQuery("select count(*) from bypass_folder_pins where bypass_folder_id = :id")
            .setParameter("id", folder)
            .getSingleResult()).longValue());
    }

}
