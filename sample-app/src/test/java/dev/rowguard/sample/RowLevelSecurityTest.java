package dev.rowguard.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.postgres.RlsMigrationGenerator;
import dev.rowguard.testsupport.LocalTokenIssuer;
import dev.rowguard.testsupport.TestDatabase;
import dev.rowguard.testsupport.TestPostgres;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample with its {@code rls} profile (and the demo data): the generated row-level
 * security (db/rls) applied by Flyway, the caller handed to PostgreSQL in every
 * transaction, and the application connected as a role that owns its tables but is
 * neither a superuser nor BYPASSRLS. Native SQL, which Hibernate's filters never see, is
 * held to the same rules by PostgreSQL.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("rls")
class RowLevelSecurityTest {

    static final String ROLE = "rg_sample_app";

    static final LocalTokenIssuer issuer = LocalTokenIssuer.start();

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @DynamicPropertySource
    static void databaseOwnedByAnOrdinaryRole(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabase admin = TestPostgres.server().createDatabase("sample_rls_admin");
        String database = "sample_rls_" + Long.toHexString(System.nanoTime());
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN"
                    + " CREATE ROLE " + ROLE + " LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS; END IF; END $$");
            statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
        // without the admin URL's parameters: the embedded server's names its user, which
        // would win
        registry.add("spring.datasource.url",
                () -> admin.jdbcUrl().replaceAll("\\?.*", "").replace("/" + admin.name(), "/" + database));
        registry.add("spring.datasource.username", () -> ROLE);
        registry.add("spring.datasource.password", () -> "app");
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/demo,classpath:db/rls");
        registry.add("rowguard.oidc.issuer", issuer::issuer);
    }

    @Autowired
    EntityManager entityManager;

    @Autowired
    PlatformTransactionManager transactionManager;

    @LocalServerPort
    int port;

    @Test
    void theCheckedInMigrationIsWhatTheGeneratorWritesForTheSamplesAnnotations() throws IOException {
        String generated = RlsMigrationGenerator.generate(SampleRlsOptions.OPTIONS).sql();
        try (InputStream checkedIn = getClass().getResourceAsStream("/db/rls/R__rowguard_rls.sql")) {
            assertThat(new String(checkedIn.readAllBytes(), StandardCharsets.UTF_8))
                .as("db/rls/R__rowguard_rls.sql is stale: regenerate with ./mvnw -pl sample-app compile exec:java")
                .isEqualTo(generated);
        }
    }

    @Test
    void theApplicationConnectsAsTheOrdinaryRoleThePoliciesBind() {
        Object role = Rowguard.asSystem(() -> inTransaction(
                () -> entityManager.createNativeQuery("SELECT current_user || ' ' || current_setting('is_superuser')")
                    .getSingleResult()));
        assertThat(role).isEqualTo(ROLE + " off");
    }

    @Test
    void aNativeQueryAsAUserReturnsOnlyTheRowsTheirRulesLetThemRead() {
        assertThat(listIdsAs(AuthPrincipal.of("alice"))).containsExactly(1L, 2L, 3L);
        assertThat(listIdsAs(AuthPrincipal.of("bob"))).containsExactly(1L, 3L, 4L);
        assertThat(listIdsAs(AuthPrincipal.of("dave"))).isEmpty();
        assertThat(listIdsAs(null)).isEmpty();
        assertThat(Rowguard.asSystem(() -> inTransaction(() -> nativeListIds()))).contains(1L, 2L, 3L, 4L);
    }

    @Test
    void aNativeInsertThatBreaksTheCreateRuleFailsInTheDatabaseAndWritesNothing() {
        long before = todoCount();
        assertThatThrownBy(
                () -> Rowguard.runAs(AuthPrincipal.of("dave"), () -> inTransaction(() -> insertTodoInList1("dave"))))
            .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo("42501"))
            .hasStackTraceContaining("new row violates row-level security policy for table \"todo\"");
        assertThatThrownBy(
                () -> Rowguard.runAs((AuthPrincipal) null, () -> inTransaction(() -> insertTodoInList1("alice"))))
            .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo("42501"));
        assertThat(todoCount()).isEqualTo(before);

        Object allowed = Rowguard.runAs(AuthPrincipal.of("alice"),
                () -> inTransaction(() -> insertTodoInList1("alice")));
        assertThat(allowed).isEqualTo(1);
        assertThat(todoCount()).isEqualTo(before + 1);
    }

    /**
     * PostgreSQL is stricter than the application here (docs/enforcement.md): Hibernate
     * reads an IDENTITY key with INSERT ... RETURNING, and the returned row must pass the
     * read policy. A new space is readable by its members, and its creator becomes one
     * only after the insert.
     */
    @Test
    void anInsertReturningARowItsCreatorCannotReadYetIsRefusedByTheDatabase() {
        String insert = "INSERT INTO space (name, slug, owner_id) VALUES ('New', 'new-space', 'alice')";
        assertThatThrownBy(() -> Rowguard.runAs(AuthPrincipal.of("alice"),
                () -> inTransaction(() -> entityManager.createNativeQuery(insert + " RETURNING id").getSingleResult())))
            .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo("42501"));
        Object inserted = Rowguard.runAs(AuthPrincipal.of("alice"),
                () -> inTransaction(() -> entityManager.createNativeQuery(insert).executeUpdate()));
        assertThat(inserted).as("the same insert without RETURNING passes the create rule").isEqualTo(1);
    }

    /**
     * Spaces and their members use sequence ids, so the insert needs no RETURNING of a
     * row not yet readable.
     */
    @Test
    void aUserCreatesASpaceThroughTheApiAndIsItsFirstMemberWithTheDatabasesPoliciesOn() {
        String dave = issuer.token("dave", Map.of());
        HttpResponse<String> created = new Http(port).send("POST", "/api/spaces",
                "{\"name\":\"Dave's\",\"slug\":\"daves\"}", dave);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long space = JsonMapper.builder().build().readTree(created.body()).path("id").asLong();

        String readable = "SELECT count(*) FROM space_user WHERE space_id = " + space;
        assertThat(Rowguard.runAs(AuthPrincipal.of("dave"), () -> inTransaction(() -> nativeCount(readable))))
            .isEqualTo(1);
        assertThat(Rowguard.runAs(AuthPrincipal.of("alice"), () -> inTransaction(() -> nativeCount(readable))))
            .isZero();
        assertThat(new Http(port).get("/api/spaces/" + space, issuer.token("alice", Map.of())).statusCode())
            .isEqualTo(404);
    }

    /**
     * The application's checks read related rows as stored; the caller's own values still
     * decide.
     */
    @Test
    void aMemberWhoIsNotAnAdminStillCannotPromoteThemselvesWithTheDatabasesPoliciesOn() {
        String members = "SELECT count(*) FROM space_user WHERE space_id = 2";
        long before = Rowguard.asSystem(() -> inTransaction(() -> nativeCount(members)));
        HttpResponse<String> refused = new Http(port).send("POST", "/api/spaces/2/members",
                "{\"userId\":\"carol\",\"role\":\"ADMIN\"}", issuer.token("carol", Map.of()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Rowguard.asSystem(() -> inTransaction(() -> nativeCount(members)))).isEqualTo(before);
    }

    private long nativeCount(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private List<Long> listIdsAs(AuthPrincipal principal) {
        return Rowguard.runAs(principal, () -> inTransaction(this::nativeListIds));
    }

    private List<Long> nativeListIds() {
        return entityManager.createNativeQuery("SELECT id FROM list ORDER BY id", Long.class).getResultList();
    }

    private Object insertTodoInList1(String owner) {
        return entityManager.createNativeQuery("INSERT INTO todo (list_id, owner_id, title) VALUES (1, ?1, 'native')")
            .setParameter(1, owner)
            .executeUpdate();
    }

    private long todoCount() {
        return Rowguard.asSystem(() -> inTransaction(
                () -> ((Number) entityManager.createNativeQuery("SELECT count(*) FROM todo").getSingleResult())
                    .longValue()));
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

}
