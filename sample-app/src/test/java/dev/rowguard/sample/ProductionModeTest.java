package dev.rowguard.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.rowguard.testsupport.LocalTokenIssuer;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production configuration: a real issuer is configured, and nothing of dev mode
 * exists.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@WithTestPostgres
class ProductionModeTest {

    static final LocalTokenIssuer providerStandIn = LocalTokenIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("rowguard.oidc.issuer", providerStandIn::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        providerStandIn.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thereIsNoDevTokenEndpoint() {
        Http http = new Http(port);
        assertThat(http.get("/dev/token?sub=alice").statusCode()).isEqualTo(404);
    }

    @Test
    void thereIsNoLocalIssuerAndNoDevBean() {
        assertThat(context.getBeanNamesForType(dev.rowguard.devkit.LocalTokenIssuer.class)).isEmpty();
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> {
            Class<?> type = context.getType(name);
            return type != null && type.getPackageName().startsWith("dev.rowguard.devkit");
        });
        assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("dev");
    }

    @Test
    void theConfiguredIssuersTokensAreAccepted() {
        HttpResponse<String> me = new Http(port).get("/api/me", providerStandIn.token("user_2abc", Map.of()));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"user_2abc\"");
    }

    @Test
    void migrationsRunWithoutDemoData() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE script LIKE 'R__%'",
                Integer.class))
            .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user", Integer.class)).isZero();
    }

}
