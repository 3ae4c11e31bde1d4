package dev.rowguard.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller reaches PostgreSQL as transaction-local settings, and nothing outlives its
 * transaction.
 */
@SpringBootTest(classes = EnforcementTestApplication.class,
        properties = { "rowguard.postgres.session-claims=true", "spring.datasource.hikari.maximum-pool-size=2" })
@WithTestPostgres
class SessionClaimsTest {

    static final String READ_SETTINGS = "select concat_ws('|', current_setting('rowguard.caller', true),"
            + " current_setting('rowguard.user_id', true), nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub',"
            + " nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')";

    static final String LEFT_ON_CONNECTION = "select coalesce(current_setting('rowguard.caller', true), '')"
            + " || coalesce(current_setting('rowguard.user_id', true), '') || coalesce(current_setting('request.jwt.claims', true), '')"
            + " || coalesce(current_setting('rowguard.principal', true), '')";

    static final String READ_PRINCIPAL = "select coalesce(current_setting('rowguard.principal', true), '')";

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUsersTransactionCarriesTheirVerifiedClaims() {
        AuthPrincipal alice = AuthPrincipal.builder("alice")
            .claims(java.util.Map.of("sub", "alice", "role", "authenticated", "app_metadata",
                    java.util.Map.of("region", "north \"east\"")))
            .build();
        String settings = Rowguard.runAs(alice, () -> tx.execute(status -> settings()));
        assertThat(settings).isEqualTo("user|alice|alice|authenticated");
        String metadata = Rowguard.runAs(alice,
                () -> tx.execute(status -> (String) em
                    .createNativeQuery(
                            "select current_setting('request.jwt.claims', true)::jsonb #>> '{app_metadata,region}'")
                    .getSingleResult()));
        assertThat(metadata).isEqualTo("north \"east\"");
    }

    @Test
    void aUsersTransactionCarriesThePrincipalAsPoliciesSeeIt() {
        AuthPrincipal alice = AuthPrincipal.builder("alice")
            .provider("clerk")
            .role("admin")
            .orgId("org_1")
            .orgRole("admin")
            .orgPermissions(List.of("org:invoices:read"))
            .attribute("region", "north")
            .attribute("level", 2)
            .attribute("since", java.time.Instant.parse("2024-01-02T03:04:05Z"))
            .build();
        String principal = Rowguard.runAs(alice, () -> tx.execute(status -> principal()));
        assertThat(principal).isEqualTo("{\"id\":\"alice\",\"provider\":\"clerk\",\"email\":null,\"roles\":[\"admin\"],"
                + "\"orgId\":\"org_1\",\"orgRole\":\"admin\",\"orgPermissions\":[\"org:invoices:read\"],"
                + "\"attributes\":{\"region\":\"north\",\"level\":2,\"since\":\"2024-01-02T03:04:05Z\"}}");
        Object level = Rowguard
            .runAs(alice,
                    () -> tx.execute(status -> em.createNativeQuery(
                            "select jsonb_typeof(current_setting('rowguard.principal')::jsonb #> '{attributes,level}')")
                        .getSingleResult()));
        assertThat(level).isEqualTo("number");
    }

    @Test
    void anonymousAndSystemContextsSetTheirOwnValues() {
        String anonymous = Rowguard.runAs(null, () -> tx.execute(status -> settings()));
        String system = Rowguard.asSystem(() -> tx.execute(status -> settings()));
        assertThat(anonymous).isEqualTo("anonymous||anon");
        assertThat(system).isEqualTo("system||service_role");
        String anonymousPrincipal = Rowguard.runAs(null, () -> tx.execute(status -> principal()));
        String systemPrincipal = Rowguard.asSystem(() -> tx.execute(status -> principal()));
        assertThat(anonymousPrincipal).isEmpty();
        assertThat(systemPrincipal).isEmpty();
    }

    @Test
    void switchingCallersInsideATransactionSwitchesTheSettings() {
        List<String> seen = Rowguard.runAs(AuthPrincipal.of("alice"), () -> tx.execute(status -> {
            List<String> values = new ArrayList<>();
            values.add(settings());
            values.add(Rowguard.runAs(AuthPrincipal.of("bob"), this::settings));
            values.add(settings());
            return values;
        }));
        assertThat(seen).containsExactly("user|alice|alice", "user|bob|bob", "user|alice|alice");
    }

    @Test
    void nothingSurvivesOnAPooledConnectionAcrossInterleavedUsers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> checks = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                String user = "user" + (i % 7);
                boolean inTransaction = i % 3 != 0;
                checks.add(pool.submit(() -> {
                    if (inTransaction) {
                        String settings = Rowguard.runAs(AuthPrincipal.of(user),
                                () -> tx.execute(status -> settings()));
                        return settings.equals("user|" + user + "|" + user);
                    }
                    String outside = jdbc.queryForObject(LEFT_ON_CONNECTION, String.class);
                    return outside.isEmpty();
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private String principal() {
        return (String) em.createNativeQuery(READ_PRINCIPAL).getSingleResult();
    }

    private String settings() {
        return (String) em.createNativeQuery(READ_SETTINGS).getSingleResult();
    }

}
