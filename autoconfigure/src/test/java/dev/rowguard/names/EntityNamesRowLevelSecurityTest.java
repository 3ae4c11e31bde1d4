package dev.rowguard.names;

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
import dev.rowguard.postgres.RlsMigrationGenerator;
import dev.rowguard.postgres.RlsMigrationGenerator.RelatedRows;
import dev.rowguard.postgres.internal.SessionClaims;
import dev.rowguard.testsupport.WithTestPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated row-level security for the same strangely named entities (a nested class,
 * non-ASCII names, a quoted table and column, names past 63 bytes, a composite id,
 * property access), with related rows read through functions and through views: the
 * migration runs, and a role the policies apply to reads and changes only the caller's
 * rows, also where a rule reads those tables through its row sources. Everything happens
 * in one transaction that is rolled back.
 */
@SpringBootTest(classes = NamesTestApplication.class,
        properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false" })
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityNamesRowLevelSecurityTest {

    static final String WRITER = "rowguard_names_writer";

    static final List<Class<? extends Owned>> OWNED = List.of(Outer.Item.class, OrderLine.class, Élève.class,
            AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier.class, Enrolment.class,
            Ticket.class);

    @PersistenceContext
    EntityManager em;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void aliceAndBobOwnARowOfEachAndARemarkAboutIt() {
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            for (String owner : List.of("alice", "bob")) {
                for (Owned row : List.of(new Outer.Item(owner), new OrderLine(owner), new Élève(owner),
                        new AnEntityWhoseNameAndTableRunPastTheSixtyThreeBytesPostgresKeepsOfAnIdentifier(owner))) {
                    em.persist(row);
                    em.persist(new Remark(row));
                }
                em.persist(new Enrolment("row-level security", owner, owner));
                em.persist(new Ticket(owner, Ticket.Priority.NORMAL));
            }
        }));
    }

    @ParameterizedTest
    @EnumSource(RelatedRows.class)
    void theMigrationRunsAndEachTableShowsAndChangesOnlyTheCallersRows(RelatedRows relatedRows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(RlsMigrationGenerator
                    .generate(RlsMigrationGenerator.Options.defaults("dev.rowguard.names").withRelatedRows(relatedRows))
                    .sql());
                statement.execute("CREATE ROLE " + WRITER + " NOLOGIN");
                statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + WRITER);
                statement.execute("GRANT USAGE ON SCHEMA rowguard TO " + WRITER);
            }
            Caller alice = Caller.of(AuthPrincipal.of("alice"));
            for (Class<? extends Owned> type : OWNED) {
                String table = tableOf(type);
                String owner = columnOf(type, type == Élève.class ? "propriétaire" : "ownerId");
                assertThat(strings(connection, alice, "SELECT DISTINCT " + owner + " FROM " + table))
                    .as(type.getSimpleName())
                    .containsExactly("alice");
                int alices = strings(connection, Caller.SYSTEM,
                        "SELECT " + owner + " FROM " + table + " WHERE " + owner + " = 'alice'")
                    .size();
                assertThat(update(connection, alice, "UPDATE " + table + " SET " + owner + " = " + owner))
                    .as(type.getSimpleName() + ": alice changes her rows only")
                    .isEqualTo(alices);
            }
            int remarks = strings(connection, Caller.SYSTEM, "SELECT CAST(id AS text) FROM " + tableOf(Remark.class))
                .size();
            int alicesRemarks = strings(connection, alice, "SELECT CAST(id AS text) FROM " + tableOf(Remark.class))
                .size();
            assertThat(alicesRemarks).as("the remarks about alice's rows, read through the row sources")
                .isPositive()
                .isEqualTo(remarks / 2);
            assertThat(strings(connection, Caller.ANONYMOUS, "SELECT CAST(id AS text) FROM " + tableOf(Remark.class)))
                .isEmpty();
            connection.rollback();
        }
    }

    private String tableOf(Class<?> type) {
        return persister(type).getTableName();
    }

    private String columnOf(Class<?> type, String attribute) {
        return persister(type).getPropertyColumnNames(attribute)[0];
    }

    private AbstractEntityPersister persister(Class<?> type) {
        return (AbstractEntityPersister) entityManagerFactory.unwrap(SessionFactoryImplementor.class)
            .getMappingMetamodel()
            .getEntityDescriptor(type);
    }

    private static List<String> strings(Connection connection, Caller caller, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = as(connection, caller); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        finally {
            reset(connection);
        }
        return values;
    }

    private static int update(Connection connection, Caller caller, String sql) throws SQLException {
        try (Statement statement = as(connection, caller)) {
            return statement.executeUpdate(sql);
        }
        finally {
            reset(connection);
        }
    }

    private static Statement as(Connection connection, Caller caller) throws SQLException {
        SessionClaims.apply(connection, caller);
        Statement statement = connection.createStatement();
        statement.execute("SET LOCAL ROLE " + WRITER);
        return statement;
    }

    private static void reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET ROLE");
        }
    }

}
