package dev.rowguard.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Root;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.hibernate.edges.Board;
import dev.rowguard.hibernate.edges.EdgesTestApplication;
import dev.rowguard.hibernate.edges.Notice;
import dev.rowguard.hibernate.edges.NoticeRepository;
import dev.rowguard.postgres.RlsMigrationGenerator;
import dev.rowguard.postgres.internal.SessionClaims;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A bulk update or delete changes exactly the rows the caller's rules allow, as
 * ZenStack's {@code updateMany} / {@code deleteMany} and PostgreSQL's row-level security
 * do, and returns how many it changed: the rows others may read but the caller may not
 * change stay as they are. Notices are readable by everyone, so only the write rules
 * limit the statements here.
 */
@SpringBootTest(classes = EdgesTestApplication.class)
@WithTestPostgres
class BulkWritesTest {

    static final String NOTICES = "select n.id from Notice n order by n.id";

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    NoticeRepository notices;

    @Autowired
    DataSource dataSource;

    Enforcement enforcement;

    @BeforeEach
    void alicesNoticeBobsTwoOnAClosedBoardAndCarolsOnAnOpenOne() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            em.createQuery("delete from Notice").executeUpdate();
            em.createQuery("delete from Board").executeUpdate();
            Board closed = new Board(1L, false);
            Board open = new Board(2L, true);
            em.persist(closed);
            em.persist(open);
            em.persist(new Notice(1L, "alice's", "alice", false, closed));
            em.persist(new Notice(2L, "bob's", "bob", false, closed));
            em.persist(new Notice(3L, "bob's pinned", "bob", true, closed));
            em.persist(new Notice(4L, "carol's", "carol", false, open));
            return null;
        });
    }

    @Test
    void aBulkUpdateChangesTheCallersOwnAndTheOpenBoardsNoticesAndCountsThem() {
        assertThat(changed(BOB, em -> em.createQuery("update Notice n set n.title = 'edited'").executeUpdate()))
            .isEqualTo(3);
        assertThat(titles()).containsExactly("alice's", "edited", "edited", "edited");
        assertThat(changed(null, em -> em.createQuery("update Notice n set n.title = 'x'").executeUpdate()))
            .as("anonymous")
            .isZero();
    }

    @Test
    void aBulkDeleteRemovesOnlyWhatTheDeleteRulesAllow() {
        assertThat(changed(BOB, em -> em.createQuery("delete from Notice").executeUpdate())).as("bob's unpinned notice")
            .isEqualTo(1);
        assertThat(ids()).containsExactly(1L, 3L, 4L);
    }

    @Test
    void springDataBatchDeletesAndCriteriaStatementsFollowTheSameRules() {
        enforcement.as(BOB, em -> {
            notices.deleteAllByIdInBatch(List.of(1L, 3L, 4L));
            return null;
        });
        assertThat(ids()).as("none of them is bob's to delete").containsExactly(1L, 2L, 3L, 4L);
        enforcement.as(BOB, em -> {
            notices.deleteAllInBatch();
            return null;
        });
        assertThat(ids()).containsExactly(1L, 3L, 4L);
        Integer updated = enforcement.as(ALICE, em -> {
            CriteriaUpdate<Notice> update = em.getCriteriaBuilder().createCriteriaUpdate(Notice.class);
            Root<Notice> notice = update.from(Notice.class);
            update.set("title", "by alice").where(notice.get("id").in(1L, 3L));
            return em.createQuery(update).executeUpdate();
        });
        assertThat(updated).isEqualTo(1);
        Integer deleted = enforcement.as(ALICE, em -> {
            CriteriaDelete<Notice> delete = em.getCriteriaBuilder().createCriteriaDelete(Notice.class);
            delete.from(Notice.class);
            return em.createQuery(delete).executeUpdate();
        });
        assertThat(deleted).isEqualTo(1);
        assertThat(ids()).containsExactly(3L, 4L);
    }

    @Test
    void theValuesTheSetClauseAssignsAreCheckedByThePostUpdateRuleLiteralOrParameter() {
        assertThat(changed(BOB, em -> em.createQuery("update Notice n set n.title = 'forbidden'").executeUpdate()))
            .isZero();
        assertThat(changed(BOB, em -> notices.retitleAll("forbidden"))).isZero();
        assertThat(changed(BOB, em -> notices.retitleAll("fine"))).isEqualTo(3);
        assertThat(titles()).doesNotContain("forbidden");
    }

    @Test
    void aComputedValueThePostUpdateRuleReadsRefusesTheStatement() {
        assertDenied(
                () -> enforcement.as(BOB,
                        em -> em.createQuery("update Notice n set n.title = upper(n.title)").executeUpdate()),
                "Notice", POST_UPDATE);
        assertThat(titles()).containsExactly("alice's", "bob's", "bob's pinned", "carol's");
    }

    @Test
    void aHostileCallerIdIsOnlyAValue() {
        for (String id : List.of("bob' OR '1'='1", "x\\' OR TRUE --", "$$ OR TRUE --", "bob\u0000")) {
            if (id.indexOf('\u0000') >= 0) {
                assertThat(catchThrowable(() -> changed(AuthPrincipal.of(id),
                        em -> em.createQuery("delete from Notice").executeUpdate())))
                    .as("PostgreSQL compares no text holding NUL")
                    .isNotNull();
                continue;
            }
            assertThat(changed(AuthPrincipal.of(id), em -> em.createQuery("delete from Notice").executeUpdate())).as(id)
                .isZero();
        }
        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aQueryCannotCallTheFunctionThatCarriesRowguardsConditionsItself() {
        for (AuthPrincipal caller : new AuthPrincipal[] { BOB, null }) {
            Throwable thrown = catchThrowable(() -> enforcement.as(caller,
                    em -> em
                        .createQuery("select n.id from Notice n where rowguard_restriction('(? IS NOT NULL)', n.id)"
                                + " is not null", Long.class)
                        .getResultList()));
            assertThat(thrown).as("as %s", caller).isNotNull();
            assertThat(deepest(thrown)).hasMessageContaining("rowguard_restriction() is Rowguard's own");
        }
        Throwable bySystem = catchThrowable(() -> enforcement.asSystem(em -> em.createQuery(
                "select n.id from Notice n where rowguard_restriction('(? IS NOT NULL)', n.id) is not null", Long.class)
            .getResultList()));
        assertThat(deepest(bySystem)).hasMessageContaining("rowguard_restriction() is Rowguard's own");
    }

    @Test
    void theCountsAgreeWithTheGeneratedRowLevelSecurityOnTheSameStatements() throws SQLException {
        List<String> statements = List.of("update Notice n set n.title = 'edited'", "delete from Notice",
                "update Notice n set n.pinned = false where n.id > 1");
        List<String> sql = List.of("UPDATE notice SET title = 'edited'", "DELETE FROM notice",
                "UPDATE notice SET pinned = false WHERE id > 1");
        for (AuthPrincipal caller : List.of(ALICE, BOB, AuthPrincipal.of("carol"))) {
            for (int i = 0; i < statements.size(); i++) {
                String statement = statements.get(i);
                int byRowguard = rolledBack(caller, em -> em.createQuery(statement).executeUpdate());
                assertThat(byRowLevelSecurity(caller, sql.get(i))).as(caller.id() + ": " + statement)
                    .isEqualTo(byRowguard);
            }
        }
    }

    private static Throwable deepest(Throwable thrown) {
        Throwable deepest = thrown;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }

    private int rolledBack(AuthPrincipal caller, Function<EntityManager, Integer> work) {
        return Rowguard.runAs(caller, () -> tx.execute(status -> {
            status.setRollbackOnly();
            return work.apply(em);
        }));
    }

    private int byRowLevelSecurity(AuthPrincipal caller, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(RlsMigrationGenerator
                    .generate(RlsMigrationGenerator.Options.defaults("dev.rowguard.hibernate.edges"))
                    .sql());
                statement.execute("CREATE ROLE rowguard_bulk_writer NOLOGIN");
                statement.execute("GRANT SELECT, UPDATE, DELETE ON notice, board TO rowguard_bulk_writer");
                statement.execute("GRANT USAGE ON SCHEMA rowguard TO rowguard_bulk_writer");
                SessionClaims.apply(connection, Caller.of(caller));
                statement.execute("SET LOCAL ROLE rowguard_bulk_writer");
                return statement.executeUpdate(sql);
            }
            finally {
                connection.rollback();
            }
        }
    }

    private List<Long> ids() {
        return enforcement.asSystem(em -> em.createQuery(NOTICES, Long.class).getResultList());
    }

    private List<String> titles() {
        return enforcement
            .asSystem(em -> em.createQuery("select n.title from Notice n order by n.id", String.class).getResultList());
    }

    private int changed(AuthPrincipal caller, Function<EntityManager, Integer> work) {
        Integer count = enforcement.as(caller, work);
        return count;
    }

}
