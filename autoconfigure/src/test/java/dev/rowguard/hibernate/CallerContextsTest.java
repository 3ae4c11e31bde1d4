package dev.rowguard.hibernate;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
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
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerContextsTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    TodoFixture fixture;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
    }

    @Test
    void contextsNestAndTheOuterOneComesBackEvenAfterAnException() {
        Rowguard.runAs(ALICE, () -> {
            assertThat(Rowguard.currentPrincipal()).contains(ALICE);
            Rowguard.runAs(BOB, () -> assertThat(Rowguard.currentPrincipal()).contains(BOB));
            assertThatThrownBy(() -> Rowguard.asSystem(() -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(Rowguard.currentPrincipal()).contains(ALICE);
            Rowguard.runAs(null, () -> assertThat(Rowguard.currentPrincipal()).isEmpty());
        });
        assertThat(Rowguard.currentPrincipal()).isEmpty();
    }

    @Test
    void switchingCallersInsideOneTransactionSwitchesWhatItSees() {
        List<Long> counts = Rowguard.runAs(ALICE, () -> tx.execute(status -> {
            List<Long> seen = new ArrayList<>();
            seen.add(todos.count());
            seen.add(Rowguard.runAs(CAROL, () -> todos.count()));
            seen.add(Rowguard.asSystem(() -> todos.count()));
            seen.add(todos.count());
            return seen;
        }));
        assertThat(counts).containsExactly(6L, 4L, 10L, 6L);
    }

    @Test
    void anEntityLoadedByTheSystemIsNotServedToAUserFromThePersistenceContext() {
        TodoList seenByBob = Rowguard.asSystem(() -> tx.execute(status -> {
            em.find(TodoList.class, fixture.alicePrivate);
            return Rowguard.runAs(BOB, () -> em.find(TodoList.class, fixture.alicePrivate));
        }));
        assertThat(seenByBob).isNull();
    }

    @Test
    void aPooledThreadKeepsNoCallerFromItsPreviousTask() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> Rowguard.runAs(ALICE, () -> todos.count())).get();
            assertThat(pool.submit(() -> Rowguard.currentPrincipal()).get()).isEmpty();
            assertThat(pool.submit(() -> todos.count()).get()).isZero();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void virtualThreadsKeepNoCallerFromTheirCreatorOrEachOther() throws Exception {
        Method factory;
        try {
            factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        }
        catch (NoSuchMethodException ex) {
            assumeTrue(false, "virtual threads need Java 21");
            return;
        }
        ExecutorService virtual = (ExecutorService) factory.invoke(null);
        try {
            Future<Long> asBob = virtual.submit(() -> Rowguard.runAs(BOB, () -> todos.count()));
            Future<Optional<AuthPrincipal>> inherited = Rowguard.runAs(ALICE,
                    () -> virtual.submit(Rowguard::currentPrincipal));
            assertThat(asBob.get()).isEqualTo(4);
            assertThat(inherited.get()).isEmpty();
        }
        finally {
            virtual.shutdownNow();
        }
    }

    @Test
    void workHandedToAnotherThreadRunsAsThatThreadsCallerUnlessWrapped() throws Exception {
        Long unwrapped = Rowguard.runAs(ALICE, () -> CompletableFuture.supplyAsync(() -> todos.count())).get();
        assertThat(unwrapped).isZero();
        Long wrapped = Rowguard.runAs(ALICE, () -> {
            AuthPrincipal caller = Rowguard.currentPrincipal().orElse(null);
            return CompletableFuture.supplyAsync(() -> Rowguard.runAs(caller, () -> todos.count()));
        }).get();
        assertThat(wrapped).isEqualTo(6);
    }

    @Test
    void twoCallersInterleavedOnOnePoolNeverSeeOrChangeEachOthersRows() throws Exception {
        Long alicesList = fixture.alicePrivate;
        Long carolsList = fixture.carolList;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger leaks = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int i = 0; i < 10_000; i++) {
                boolean alice = i % 2 == 0;
                int step = i;
                work.add(pool.submit(() -> Rowguard.runAs(alice ? ALICE : CAROL, () -> {
                    String mine = alice ? "alice" : "carol";
                    switch (step % 4) {
                        case 0, 1 -> {
                            List<Todo> page = todos.findByTitleStartingWith(alice ? "carol" : "alice private");
                            if (!page.isEmpty()) {
                                leaks.incrementAndGet();
                            }
                        }
                        case 2 -> tx.executeWithoutResult(status -> {
                            Long other = alice ? carolsList : alicesList;
                            if (em.find(TodoList.class, other) != null) {
                                leaks.incrementAndGet();
                            }
                        });
                        default -> tx.executeWithoutResult(status -> em
                            .persist(new Todo(em.getReference(TodoList.class, alice ? alicesList : carolsList),
                                    em.getReference(User.class, mine), mine + " interleaved " + step)));
                    }
                })));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(leaks).hasValue(0);
        long misplaced = Rowguard.asSystem(() -> em.createQuery(
                "select count(t) from Todo t where t.title like '%interleaved%' and t.owner.id <> t.list.owner.id",
                Long.class)
            .getSingleResult());
        assertThat(misplaced).isZero();
        assertThat(Rowguard.runAs(CAROL, () -> todos.countByTitleStartingWith("carol interleaved"))).isEqualTo(2500);
        assertThat(Rowguard.runAs(CAROL, () -> todos.countByTitleStartingWith("alice interleaved"))).isZero();
    }

}
