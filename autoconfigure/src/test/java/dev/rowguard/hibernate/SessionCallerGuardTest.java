package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.ReplicationMode;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A session's read filters belong to the caller they were chosen for. Switching the
 * caller by any other route than Rowguard.runAs / asSystem, turning Rowguard's filters
 * off, passing SQL through HQL or replicating rows fails loudly instead of serving rows
 * the caller may not read.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCallerGuardTest {

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

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallerSwitchedThroughSpringSecurityIsNotServedWhatTheFormerCallerLoaded() {
        signIn(ALICE);
        Throwable thrown = catchThrowable(() -> tx.execute(status -> {
            assertThat(em.find(TodoList.class, fixture.alicePrivate)).isNotNull();
            signIn(BOB);
            return em.find(TodoList.class, fixture.alicePrivate).getTitle();
        }));
        assertThat(thrown).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("the caller changed inside an open session (from user alice to user bob)");
    }

    @Test
    void aCallerSwitchedThroughSpringSecurityFailsItsNextQueryEvenWhenBothCallersShareAFilterShape() {
        signIn(BOB);
        Throwable thrown = catchThrowable(() -> tx.execute(status -> {
            em.createQuery("select l from TodoList l", TodoList.class).getResultList();
            signIn(CAROL);
            return em.createQuery("select l.title from TodoList l", String.class).getResultList();
        }));
        assertThat(rootOf(thrown)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("from user bob to user carol");
    }

    @Test
    void signingOutInsideASessionFailsLoudlyToo() {
        signIn(ALICE);
        Throwable thrown = catchThrowable(() -> tx.execute(status -> {
            em.find(TodoList.class, fixture.alicePrivate);
            SecurityContextHolder.clearContext();
            return em.createQuery("select count(l) from TodoList l", Long.class).getSingleResult();
        }));
        assertThat(rootOf(thrown)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("the caller changed inside an open session");
    }

    @Test
    void runAsInsideATransactionStillSwitchesCleanly() {
        List<String> seen = enforcement.as(ALICE, em -> {
            em.find(TodoList.class, fixture.alicePrivate);
            return dev.rowguard.Rowguard.runAs(BOB,
                    () -> em.createQuery("select l.title from TodoList l", String.class).getResultList());
        });
        assertThat(seen).doesNotContain("alice private").contains("bob public");
    }

    @Test
    void disablingRowguardsFiltersFailsTheNextStatementAndLoad() {
        Throwable query = catchThrowable(() -> enforcement.as(BOB, em -> {
            Session session = em.unwrap(Session.class);
            disableRowguardFilters(session);
            return em.createQuery("select l.title from TodoList l", String.class).getResultList();
        }));
        assertThat(rootOf(query)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("was disabled in this session");
        Throwable find = catchThrowable(() -> enforcement.as(BOB, em -> {
            disableRowguardFilters(em.unwrap(Session.class));
            return em.find(TodoList.class, fixture.alicePrivate);
        }));
        assertThat(find).isInstanceOf(IllegalStateException.class).hasMessageContaining("was disabled in this session");
    }

    @Test
    void settingAParameterOfRowguardsFiltersFailsTheNextStatement() {
        Throwable thrown = catchThrowable(() -> enforcement.as(BOB, em -> {
            Session session = em.unwrap(Session.class);
            for (String name : List
                .copyOf(session.unwrap(org.hibernate.engine.spi.SharedSessionContractImplementor.class)
                    .getLoadQueryInfluencers()
                    .getEnabledFilterNames())) {
                org.hibernate.Filter filter = session.getEnabledFilter(name);
                for (String parameter : filter.getFilterDefinition().getParameterNames()) {
                    if (filter.getFilterDefinition()
                        .getParameterJdbcMapping(parameter)
                        .getJavaTypeDescriptor()
                        .getJavaTypeClass() == String.class) {
                        filter.setParameter(parameter, "alice");
                    }
                }
            }
            return em.createQuery("select l.title from TodoList l", String.class).getResultList();
        }));
        assertThat(rootOf(thrown)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Filter.setParameter");
    }

    @Test
    void hqlsSqlFunctionRunsOnlyInTheSystemContext() {
        String query = "select sql('(select count(*) from list)') from TodoList l where l.id = :id";
        Throwable thrown = catchThrowable(() -> enforcement.as(BOB,
                em -> em.createQuery(query, Object.class).setParameter("id", fixture.bobPublic).getResultList()));
        assertThat(rootOf(thrown)).isInstanceOf(IllegalStateException.class).hasMessageContaining("sql() function");
        List<Object> asSystem = enforcement
            .asSystem(em -> em.createQuery(query, Object.class).setParameter("id", fixture.bobPublic).getResultList());
        assertThat(asSystem).hasSize(1);
    }

    @Test
    @SuppressWarnings("deprecation")
    void replicateRunsOnlyInTheSystemContext() {
        TodoList copy = enforcement.asSystem(em -> {
            TodoList list = em.find(TodoList.class, fixture.alicePrivate);
            em.detach(list);
            return list;
        });
        Throwable thrown = catchThrowable(() -> enforcement.as(BOB, em -> {
            em.unwrap(Session.class).replicate(copy, ReplicationMode.EXCEPTION);
            return null;
        }));
        assertThat(rootOf(thrown)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Session.replicate")
            .hasMessageNotContaining(String.valueOf(fixture.alicePrivate));
    }

    private static void disableRowguardFilters(Session session) {
        for (String name : List.copyOf(session.unwrap(org.hibernate.engine.spi.SharedSessionContractImplementor.class)
            .getLoadQueryInfluencers()
            .getEnabledFilterNames())) {
            if (name.startsWith("rowguard_")) {
                session.disableFilter(name);
            }
        }
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable root = thrown;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static void signIn(AuthPrincipal principal) {
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken(principal, null, List.of()));
    }

}
