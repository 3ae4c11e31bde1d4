package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.Article;
import dev.rowguard.hibernate.app.Author;
import dev.rowguard.hibernate.app.Badge;
import dev.rowguard.hibernate.app.Bar;
import dev.rowguard.hibernate.app.Book;
import dev.rowguard.hibernate.app.Counter;
import dev.rowguard.hibernate.app.CounterRepository;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Foo;
import dev.rowguard.hibernate.app.Gauge;
import dev.rowguard.hibernate.app.Post;
import dev.rowguard.hibernate.app.Secret;
import dev.rowguard.hibernate.app.Setting;
import dev.rowguard.hibernate.app.Shelf;
import dev.rowguard.hibernate.app.Space;
import dev.rowguard.hibernate.app.SpaceUser;
import dev.rowguard.hibernate.app.Ticket;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.Unruled;
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
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static dev.rowguard.hibernate.TodoFixture.DAVE;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/** The sixteen scenarios of policy-semantics.md, on real PostgreSQL through Hibernate. */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyScenariosTest {

    static final AuthPrincipal SOMEONE = AuthPrincipal.of("someone");

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CounterRepository counters;

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
    void s01_aRowFailingTheReadRuleIsNotFoundUntilItPasses() {
        Long id = enforcement.persistAsSystem(new Counter(0)).getId();
        assertThat(enforcement.as(SOMEONE, (EntityManager em) -> em.find(Counter.class, id))).isNull();
        enforcement.asSystem((EntityManager em) -> {
            em.find(Counter.class, id).setX(1);
            return null;
        });
        assertThat(enforcement.as(SOMEONE, (EntityManager em) -> em.find(Counter.class, id).getX())).isEqualTo(1);
    }

    @Test
    void s02_aParentsCollectionShowsOnlyReadableChildrenAndCountsAgree() {
        Long shelf = shelfWithBooks(0, 1, 2);
        List<Integer> ys = enforcement.as(SOMEONE, (
                EntityManager em) -> em.find(Shelf.class, shelf).getBooks().stream().map(Book::getY).sorted().toList());
        assertThat(ys).containsExactly(1, 2);
        Long counted = enforcement.as(SOMEONE,
                (EntityManager em) -> em.createQuery("select count(b) from Book b where b.shelf.id = :s", Long.class)
                    .setParameter("s", shelf)
                    .getSingleResult());
        assertThat(counted).isEqualTo(2);
        List<Integer> fetched = enforcement.as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select s from Shelf s left join fetch s.books where s.id = :s", Shelf.class)
                    .setParameter("s", shelf)
                    .getSingleResult()
                    .getBooks()
                    .stream()
                    .map(Book::getY)
                    .sorted()
                    .toList());
        assertThat(fetched).containsExactly(1, 2);
    }

    @Test
    void s03_aParentWhoseRuleNeedsAReadableChildIsHiddenUntilItHasOne() {
        Long foo = enforcement.asSystem((EntityManager em) -> {
            Foo parent = new Foo("parent");
            em.persist(parent);
            em.persist(new Bar(0, parent));
            return parent.getId();
        });
        assertThat(enforcement.as(SOMEONE, (EntityManager em) -> em.find(Foo.class, foo))).isNull();
        enforcement.asSystem((EntityManager em) -> {
            em.persist(new Bar(1, em.find(Foo.class, foo)));
            return null;
        });
        assertThat(enforcement.as(SOMEONE, (EntityManager em) -> em.find(Foo.class, foo))).isNotNull();
    }

    @Test
    void s04_aggregatesSeeOnlyReadableRows() {
        Long shelf = shelfWithBooks(0, 5, 7, -3);
        Object[] aggregates = enforcement.as(SOMEONE,
                (EntityManager em) -> em
                    .createQuery("select count(b), sum(b.y), min(b.y), max(b.y) from Book b where b.shelf.id = :s",
                            Object[].class)
                    .setParameter("s", shelf)
                    .getSingleResult());
        assertThat(aggregates).containsExactly(2L, 12L, 5, 7);
    }

    @Test
    void s05_createIsAllowedOnlyWhenAnAllowHoldsAndNoDenyDoes() {
        assertDenied(() -> enforcement.as(SOMEONE, (EntityManager em) -> persist(em, new Ticket(0))), "Ticket", CREATE);
        assertDenied(() -> enforcement.as(SOMEONE, (EntityManager em) -> persist(em, new Ticket(1))), "Ticket", CREATE);
        enforcement.as(SOMEONE, (EntityManager em) -> persist(em, new Ticket(2)));
        assertThat(enforcement
            .asSystem((EntityManager em) -> em.createQuery("select t.x from Ticket t", Integer.class).getResultList()))
            .containsExactly(2);
    }

    @Test
    void s06_anOutsiderCannotCreateTheirOwnAdminMembership() {
        assertDenied(
                () -> enforcement.as(DAVE,
                        (EntityManager em) -> persist(em,
                                new SpaceUser(em.getReference(Space.class, todo.acme),
                                        em.getReference(User.class, "dave"), SpaceUser.Role.ADMIN))),
                "SpaceUser", CREATE);
        assertDenied(
                () -> enforcement.as(BOB,
                        (EntityManager em) -> persist(em,
                                new SpaceUser(em.getReference(Space.class, todo.acme),
                                        em.getReference(User.class, "carol"), SpaceUser.Role.USER))),
                "SpaceUser", CREATE);
        assertThat(membershipsOf("dave")).isZero();
        enforcement.as(ALICE, (EntityManager em) -> persist(em, new SpaceUser(em.getReference(Space.class, todo.acme),
                em.getReference(User.class, "dave"), SpaceUser.Role.USER)));
        assertThat(membershipsOf("dave")).isEqualTo(1);
        enforcement.asSystem((EntityManager em) -> em.createQuery("delete from SpaceUser su where su.user.id = 'dave'")
            .executeUpdate());
    }

    @Test
    void s07_updatingARowThatFailsTheRuleFindsNothingAndChangesNothing() {
        Long id = enforcement.persistAsSystem(new Counter(0)).getId();
        Boolean found = enforcement.as(SOMEONE, (EntityManager em) -> {
            Counter counter = em.find(Counter.class, id);
            if (counter != null) {
                counter.setX(5);
            }
            return counter != null;
        });
        assertThat(found).isFalse();
        assertThat(counters.findAll()).isEmpty();
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Counter.class, id).getX())).isZero();
    }

    @Test
    void s08_anEveryPredicateOverNoElementsIsTrue() {
        Long lonely = enforcement.persistAsSystem(new Author("lonely")).getId();
        enforcement.as(SOMEONE, (EntityManager em) -> {
            em.find(Author.class, lonely).setName("renamed");
            return null;
        });
        Long drafting = enforcement.asSystem((EntityManager em) -> {
            Author author = new Author("drafting");
            em.persist(author);
            em.persist(new Article(true, author));
            em.persist(new Article(false, author));
            return author.getId();
        });
        assertDenied(() -> enforcement.as(SOMEONE, (EntityManager em) -> {
            em.find(Author.class, drafting).setName("renamed");
            return null;
        }), "Author", UPDATE);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Author.class, drafting).getName()))
            .isEqualTo("drafting");
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Author.class, lonely).getName()))
            .isEqualTo("renamed");
    }

    @Test
    void s09_postUpdateRulesCheckTheNewStateAndDenyWins() {
        Long id = enforcement.persistAsSystem(new Gauge(0)).getId();
        for (int refused : new int[] { 1, 3 }) {
            assertDenied(() -> enforcement.as(SOMEONE, (EntityManager em) -> {
                em.find(Gauge.class, id).setX(refused);
                return null;
            }), "Gauge", POST_UPDATE);
            assertThat(enforcement.asSystem((EntityManager em) -> em.find(Gauge.class, id).getX())).isZero();
        }
        enforcement.as(SOMEONE, (EntityManager em) -> {
            em.find(Gauge.class, id).setX(2);
            return null;
        });
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Gauge.class, id).getX())).isEqualTo(2);
    }

    @Test
    void s10_ownershipTransferIsRefusedDirectlyAndThroughARelation() {
        assertDenied(() -> enforcement.as(ALICE, (EntityManager em) -> {
            em.find(TodoList.class, todo.alicePublic).setOwner(em.getReference(User.class, "bob"));
            return null;
        }), "TodoList", POST_UPDATE);
        assertDenied(() -> enforcement.as(ALICE, (EntityManager em) -> {
            Space acme = em.find(Space.class, todo.acme);
            acme.getLists()
                .stream()
                .filter(list -> list.getOwner().getId().equals("alice"))
                .forEach(list -> list.setOwner(em.getReference(User.class, "bob")));
            return null;
        }), "TodoList", POST_UPDATE);
        assertThat(enforcement
            .asSystem((EntityManager em) -> em.find(TodoList.class, todo.alicePublic).getOwner().getId()))
            .isEqualTo("alice");
        enforcement.as(ALICE, (EntityManager em) -> {
            em.find(TodoList.class, todo.alicePublic).setTitle("alice public");
            return null;
        });
    }

    @Test
    void s11_deletingARowThatFailsTheRuleFindsNothingAndDeleteAllRemovesOnlyDeletableRows() {
        enforcement.asSystem((EntityManager em) -> em.createQuery("delete from Counter").executeUpdate());
        Long zero = enforcement.persistAsSystem(new Counter(0)).getId();
        enforcement.persistAsSystem(new Counter(1));
        enforcement.persistAsSystem(new Counter(2));
        assertThat(enforcement.as(SOMEONE, (EntityManager em) -> em.find(Counter.class, zero))).isNull();
        enforcement.as(SOMEONE, (EntityManager em) -> {
            counters.deleteById(zero);
            return null;
        });
        enforcement.as(SOMEONE, (EntityManager em) -> {
            counters.deleteAll();
            return null;
        });
        assertThat(enforcement
            .asSystem((EntityManager em) -> em.createQuery("select c.x from Counter c", Integer.class).getResultList()))
            .containsExactly(0);
    }

    @Test
    void s12_anAnonymousCallerIsDeniedEveryOperation() {
        Long id = enforcement.persistAsSystem(new Secret("classified")).getId();
        assertThat(enforcement.as(null, (EntityManager em) -> em.find(Secret.class, id))).isNull();
        assertThat(enforcement.as(null,
                (EntityManager em) -> em.createQuery("select count(s) from Secret s", Long.class).getSingleResult()))
            .isZero();
        assertDenied(() -> enforcement.as(null, (EntityManager em) -> persist(em, new Secret("leak"))), "Secret",
                CREATE);
        assertThat(enforcement.as(SOMEONE, (EntityManager em) -> em.find(Secret.class, id).getText()))
            .isEqualTo("classified");
    }

    @Test
    void s13_anUpdateRuleOnAnAuthAttributeAdmitsOnlyThatRole() {
        Long id = enforcement.persistAsSystem(new Setting(1)).getId();
        AuthPrincipal user = AuthPrincipal.builder("u1").attribute("role", "USER").build();
        AuthPrincipal admin = AuthPrincipal.builder("u2").attribute("role", "ADMIN").build();
        for (AuthPrincipal refused : new AuthPrincipal[] { user, null }) {
            assertDenied(() -> enforcement.as(refused, (EntityManager em) -> {
                em.find(Setting.class, id).setX(9);
                return null;
            }), "Setting", UPDATE);
        }
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Setting.class, id).getX())).isEqualTo(1);
        enforcement.as(admin, (EntityManager em) -> {
            em.find(Setting.class, id).setX(9);
            return null;
        });
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Setting.class, id).getX())).isEqualTo(9);
    }

    @Test
    void s14_checkAppliesTheRelatedEntitysReadRule() {
        enforcement.asSystem((EntityManager em) -> {
            for (String owner : new String[] { "alice", "bob", "carol" }) {
                em.persist(new Badge(owner + "'s badge", em.find(User.class, owner)));
            }
            return null;
        });
        String jpql = "select b.label from Badge b order by b.label";
        assertThat(enforcement.as(ALICE, (EntityManager em) -> em.createQuery(jpql, String.class).getResultList()))
            .containsExactly("alice's badge", "bob's badge");
        assertThat(enforcement.as(CAROL, (EntityManager em) -> em.createQuery(jpql, String.class).getResultList()))
            .containsExactly("carol's badge");
        assertThat(enforcement.as(DAVE, (EntityManager em) -> em.createQuery(jpql, String.class).getResultList()))
            .isEmpty();
    }

    @Test
    void s15_anAuthDefaultFieldIsFilledFromTheCallerAndAnExplicitValueIsKept() {
        Long mine = enforcement.as(ALICE, (EntityManager em) -> persist(em, new Post("mine", false, null)).getId());
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Post.class, mine).getAuthorId()))
            .isEqualTo("alice");
        Long explicit = enforcement.as(ALICE,
                (EntityManager em) -> persist(em, new Post("explicit", false, "alice")).getId());
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Post.class, explicit).getAuthorId()))
            .isEqualTo("alice");
        assertDenied(() -> enforcement.as(ALICE, (EntityManager em) -> persist(em, new Post("forged", true, "bob"))),
                "Post", CREATE);
        assertThat(enforcement.asSystem(
                (EntityManager em) -> em.createQuery("select count(p) from Post p where p.title = 'forged'", Long.class)
                    .getSingleResult()))
            .isZero();
    }

    @Test
    void s16_anEntityWithNoRulesIsClosedToEveryoneButTheSystem() {
        Long id = enforcement.persistAsSystem(new Unruled("x")).getId();
        assertThat(enforcement.as(ALICE,
                (EntityManager em) -> em.createQuery("select u from Unruled u", Unruled.class).getResultList()))
            .isEmpty();
        assertThat(enforcement.as(ALICE, (EntityManager em) -> em.find(Unruled.class, id))).isNull();
        assertDenied(() -> enforcement.as(ALICE, (EntityManager em) -> persist(em, new Unruled("y"))), "Unruled",
                CREATE);
        assertThat(enforcement.asSystem((EntityManager em) -> em.find(Unruled.class, id))).isNotNull();
    }

    private Long shelfWithBooks(int... ys) {
        return enforcement.asSystem((EntityManager em) -> {
            Shelf shelf = new Shelf("shelf");
            em.persist(shelf);
            for (int y : ys) {
                em.persist(new Book(y, shelf));
            }
            return shelf.getId();
        });
    }

    private long membershipsOf(String user) {
        return enforcement.asSystem((EntityManager em) -> em
            .createQuery("select count(su) from SpaceUser su where su.user.id = :u", Long.class)
            .setParameter("u", user)
            .getSingleResult());
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        return entity;
    }

}
