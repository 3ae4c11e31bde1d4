package dev.rowguard.hibernate;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.fields.Employee;
import dev.rowguard.hibernate.fields.FieldsTestApplication;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own statement inspector keeps working next to Rowguard's: it sees
 * every statement after Rowguard has written the caller's field rules into it.
 */
@SpringBootTest(classes = FieldsTestApplication.class, properties = {
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.rowguard.hibernate.ApplicationStatementInspectorTest$Recording" })
@WithTestPostgres
class ApplicationStatementInspectorTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @PersistenceContext
    EntityManager em;

    @org.springframework.beans.factory.annotation.Autowired
    TransactionTemplate tx;

    @Test
    void theApplicationsInspectorSeesStatementsWithTheCallersRulesWrittenIn() {
        Enforcement enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            em.createQuery("delete from Employee").executeUpdate();
            em.persist(new Employee(1L, "Alice", "alice", new BigDecimal("5000")));
            return null;
        });
        SEEN.clear();
        List<BigDecimal> salaries = enforcement.as(ALICE,
                em -> em.createQuery("select e.salary from Employee e", BigDecimal.class).getResultList());
        assertThat(salaries).containsOnlyNulls();
        assertThat(SEEN).anySatisfy(sql -> assertThat(sql).contains("select").contains("CASE WHEN"))
            .noneSatisfy(sql -> assertThat(sql).containsPattern("(?i)rg[0-9a-f]{16}m\\d"));
    }

    /** An application's inspector: records what it is given. */
    public static class Recording implements StatementInspector {

        @Override
        public String inspect(String sql) {
            SEEN.add(sql);
            return sql;
        }

    }

}
