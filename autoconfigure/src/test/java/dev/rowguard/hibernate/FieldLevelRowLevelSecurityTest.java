package dev.rowguard.hibernate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.hibernate.fields.Employee;
import dev.rowguard.hibernate.fields.FieldsTestApplication;
import dev.rowguard.postgres.RlsMigrationGenerator;
import dev.rowguard.postgres.internal.SessionClaims;
import dev.rowguard.testsupport.WithTestPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated row-level security cannot mask a column per row, so it writes a view
 * {@code employee_visible} with the field rules' {@code CASE}: read through it, a role
 * the policies apply to sees the salary only as HR, the note only as its owner, and the
 * table's own row policies still apply. Everything happens in one transaction that is
 * rolled back.
 */
@SpringBootTest(classes = FieldsTestApplication.class)
@WithTestPostgres
class FieldLevelRowLevelSecurityTest {

    static final String READER = "rowguard_fields_reader";

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    @Test
    void theVisibleViewShowsEachFieldOnlyToWhoMayReadIt() throws SQLException {
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            em.createQuery("delete from Employee").executeUpdate();
            Employee alice = new Employee(1L, "Alice", "alice", new BigDecimal("5000.00"));
            alice.setNote("alice's note");
            em.persist(alice);
        }));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(RlsMigrationGenerator
                    .generate(RlsMigrationGenerator.Options.defaults("dev.rowguard.hibernate.fields"))
                    .sql());
                statement.execute("CREATE ROLE " + READER + " NOLOGIN");
                statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
                statement.execute("GRANT USAGE ON SCHEMA rowguard TO " + READER);
            }
            String query = "SELECT name || ' ' || coalesce(CAST(salary AS text), '-') || ' ' || coalesce(note, '-')"
                    + " FROM employee_visible";
            assertThat(strings(connection, Caller.of(AuthPrincipal.of("alice")), query))
                .containsExactly("Alice - alice's note");
            assertThat(strings(connection, Caller.of(AuthPrincipal.builder("harriet").role("hr").build()), query))
                .containsExactly("Alice 5000.00 -");
            assertThat(strings(connection, Caller.SYSTEM, query)).containsExactly("Alice 5000.00 alice's note");
            assertThat(strings(connection, Caller.ANONYMOUS, query)).isEmpty();
            assertThat(strings(connection, Caller.of(AuthPrincipal.of("alice")),
                    "SELECT CAST(salary AS text) FROM employee"))
                .as("the table itself holds stored values: clients that must not see them read the view")
                .containsExactly("5000.00");
            connection.rollback();
        }
    }

    private static List<String> strings(Connection connection, Caller caller, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        SessionClaims.apply(connection, caller);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL ROLE " + READER);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            statement.execute("RESET ROLE");
        }
        return values;
    }

}
