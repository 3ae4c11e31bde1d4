package dev.rowguard.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.rowguard.devkit.RowguardDevServices;
import dev.rowguard.devkit.LocalTokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's first command in a test: the sample with Rowguard's dev services and demo
 * data, offline, on the dev services' own PostgreSQL.
 */
@SpringBootTest(classes = { SampleApplication.class, RowguardDevServices.class },
        webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class DevModeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LocalTokenIssuer issuer;

    Http http() {
        return new Http(port);
    }

    @Test
    void theAppReportsHealthUp() {
        HttpResponse<String> health = http().get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aDevTokenIsAcceptedByTheAppItself() {
        HttpResponse<String> token = http().get("/dev/token?sub=alice");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

        HttpResponse<String> me = http().get("/api/me", token.body());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"authenticated\":true").contains("\"id\":\"alice\"");
    }

    @Test
    void extraQueryParametersBecomeTypedAndNestedClaims() {
        String token = http()
            .get("/dev/token?sub=dave&role=manager&metadata.region=northeast&metadata.approval_limit=5000")
            .body();
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"sub\":\"dave\"")
            .contains("\"role\":\"manager\"")
            .contains("\"metadata\":{\"region\":\"northeast\",\"approval_limit\":5000}")
            .contains("\"iss\":\"" + issuer.issuer() + "\"");
    }

    @Test
    void theRowguardEndpointShowsTheRulesWithTheirCodesAndTheTrustedIssuer() {
        HttpResponse<String> rowguard = http().get("/actuator/rowguard");
        assertThat(rowguard.statusCode()).isEqualTo(200);
        assertThat(rowguard.body()).contains("\"TodoList\"")
            .contains("\"expression\":\"owner == before().owner\",\"code\":\"list.owner-fixed\"")
            .contains("\"issuer\":\"" + issuer.issuer() + "\"")
            .contains("\"provider\":\"clerk\"")
            .contains(
                    "\"fieldRules\":{\"note\":{\"READ\":[{\"effect\":\"ALLOW\",\"expression\":\"owner == auth()\"}]}}");
        assertThat(http().get("/actuator/health").body()).contains("\"rowguard\"");
    }

    @Test
    void deniedWritesAreCountedByEntityOperationAndCode() {
        String alice = issuer.token("alice");
        http().send("PATCH", "/api/lists/1", "{\"ownerId\":\"bob\"}", alice);
        HttpResponse<String> denials = http()
            .get("/actuator/metrics/rowguard.denials?tag=entity:TodoList&tag=code:list.owner-fixed");
        assertThat(denials.statusCode()).as(denials.body()).isEqualTo(200);
        assertThat(denials.body()).contains("\"statistic\":\"COUNT\",\"value\":");
    }

    @Test
    void aTokenFromAnotherIssuerIsRejectedWith401() {
        try (dev.rowguard.testsupport.LocalTokenIssuer stranger = dev.rowguard.testsupport.LocalTokenIssuer.start()) {
            HttpResponse<String> me = http().get("/api/me", stranger.token("alice", java.util.Map.of()));
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(me.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        }
    }

    @Test
    void withoutATokenTheCallerIsAnonymous() {
        HttpResponse<String> me = http().get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"authenticated\":false");
    }

    @Test
    void theDatabaseIsRealPostgresqlMigratedByFlywayWithDemoData() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL",
                String.class))
            .contains("1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE script = 'R__demo_data.sql'",
                Integer.class))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM post WHERE published", Integer.class)).isEqualTo(2);
    }

}
