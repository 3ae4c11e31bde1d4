package dev.rowguard.hibernate;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.Rowguard;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A session chooses its caller's row filters when it first reads, not when it opens: a
 * transaction that reads nothing sets nothing up, and until the first read only the
 * always-false gate is enabled, so nothing built past Rowguard reads a row.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstReadSetUpTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    TodoFixture fixture;

    Enforcement enforcement;

    @BeforeAll
    void load() {
        fixture = TodoFixture.load(em, tx);
        enforcement = new Enforcement(em, tx);
    }

    @Test
    void aTransactionThatReadsNothingEnablesOnlyTheGate() {
        List<String> enabled = enforcement.as(BOB, em -> List.copyOf(enabledFilters(em.unwrap(Session.class))));
        assertThat(enabled).containsExactly("rowguard_gate");
    }

    @Test
    void theFirstReadChoosesTheCallersFilters() {
        List<String> enabled = enforcement.as(BOB, em -> {
            em.createQuery("select count(l) from TodoList l", Long.class).getSingleResult();
            return List.copyOf(enabledFilters(em.unwrap(Session.class)));
        });
        assertThat(enabled).doesNotContain("rowguard_gate").contains("rowguard_caller");
    }

    @Test
    void aTransactionFirstReadInsideRunAsReadsAsThatCallerAndAfterItAsItsOwn() {
        List<List<Long>> seen = enforcement.as(ALICE, em -> {
            List<Long> asBob = Rowguard.runAs(BOB,
                    () -> em.createQuery("select l.id from TodoList l", Long.class).getResultList());
            List<Long> asAlice = em.createQuery("select l.id from TodoList l", Long.class).getResultList();
            return List.of(asBob, asAlice);
        });
        assertThat(seen.get(0)).contains(fixture.bobPublic).doesNotContain(fixture.alicePrivate);
        assertThat(seen.get(1)).contains(fixture.alicePrivate);
    }

    @Test
    void aSecurityContextChangedBeforeTheFirstReadIsTheCallerThatRead() {
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken("alice", null, "ROLE_USER"));
        try {
            List<Long> seen = tx.execute(status -> {
                SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("bob", null, "ROLE_USER"));
                return em.createQuery("select l.id from TodoList l", Long.class).getResultList();
            });
            assertThat(seen).contains(fixture.bobPublic).doesNotContain(fixture.alicePrivate);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aSessionOpenedOutsideSpringReadsAsItsCallerOnItsThread() {
        SessionFactory sessions = em.getEntityManagerFactory().unwrap(SessionFactory.class);
        List<Long> seen = Rowguard.runAs(BOB, () -> {
            try (Session session = sessions.openSession()) {
                return session.createQuery("select l.id from TodoList l", Long.class).getResultList();
            }
        });
        assertThat(seen).contains(fixture.bobPublic).doesNotContain(fixture.alicePrivate);
    }

    @Test
    void aSessionFirstReadOnAnotherThreadThanItsOwnFailsLoudly() throws Exception {
        SessionFactory sessions = em.getEntityManagerFactory().unwrap(SessionFactory.class);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Session session = Rowguard.runAs(BOB, sessions::openSession)) {
            Throwable thrown = other
                .submit(() -> catchThrowable(() -> Rowguard.runAs(BOB,
                        () -> session.createQuery("select l.id from TodoList l", Long.class).getResultList())))
                .get();
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("on a thread other than the one that opened it");
            assertThat(Rowguard.runAs(BOB,
                    () -> session.createQuery("select l.id from TodoList l", Long.class).getResultList()))
                .as("read where it was opened")
                .contains(fixture.bobPublic);
        }
        finally {
            other.shutdownNow();
        }
    }

    @Test
    void anEntityManagerSpringHandsToAnotherThreadChoosesItsFiltersAtItsFirstReadThere() throws Exception {
        EntityManagerFactory factory = em.getEntityManagerFactory();
        ExecutorService other = Executors.newSingleThreadExecutor();
        // as open-in-view does for an asynchronous request: the entity manager opened on
        // the request's thread is bound to the thread that answers
        Supplier<EntityManager> open = factory::createEntityManager;
        EntityManager openInView = Rowguard.runAs(BOB, open);
        try {
            List<Long> seen = other.submit(() -> Rowguard.runAs(BOB, () -> {
                TransactionSynchronizationManager.bindResource(factory, new EntityManagerHolder(openInView));
                try {
                    return openInView.createQuery("select l.id from TodoList l", Long.class).getResultList();
                }
                finally {
                    TransactionSynchronizationManager.unbindResource(factory);
                }
            })).get();
            assertThat(seen).contains(fixture.bobPublic).doesNotContain(fixture.alicePrivate);
        }
        finally {
            openInView.close();
            other.shutdownNow();
        }
    }

    private static java.util.Set<String> enabledFilters(Session session) {
        return session.unwrap(SharedSessionContractImplementor.class).getLoadQueryInfluencers().getEnabledFilterNames();
    }

}
