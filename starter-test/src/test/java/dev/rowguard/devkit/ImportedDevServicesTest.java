package dev.rowguard.devkit;

import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import dev.rowguard.devkit.app.DevkitTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SpringBootTest @Import(RowguardDevServices.class)}: a user's application gets a
 * real PostgreSQL and really signed tokens with no other set-up.
 */
@SpringBootTest(classes = DevkitTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RowguardDevServices.class)
class ImportedDevServicesTest {

    @LocalServerPort
    int port;

    @Autowired
    LocalTokenIssuer tokens;

    @Autowired
    DataSource dataSource;

    Http http() {
        return new Http(port);
    }

    @Test
    void theApplicationRunsOnARealPostgresqlOfItsOwnMigratedByFlyway() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).startsWith("rowguard_dev_");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
            .isEqualTo(1);
    }

    @Test
    void theLocalIssuersTokensAreVerifiedAndBecomeTheCaller() {
        HttpResponse<String> me = http().get("/me",
                tokens.token(Map.of("sub", "alice", "metadata", Map.of("region", "northeast"))));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"alice\"").contains("\"region\":\"northeast\"");
    }

    @Test
    void aHiddenRowIsA404AndAForbiddenChangeA403() {
        String alice = tokens.token("alice");
        String bob = tokens.token("bob");
        HttpResponse<String> draft = http().send("POST", "/items", alice, "{\"title\":\"draft\"}");
        HttpResponse<String> published = http().send("POST", "/items", alice,
                "{\"title\":\"news\",\"published\":true}");
        assertThat(draft.statusCode()).isEqualTo(201);
        assertThat(draft.body()).contains("\"ownerId\":\"alice\"");
        String draftId = id(draft.body());
        String publishedId = id(published.body());

        assertThat(http().get("/items/" + draftId, alice).statusCode()).isEqualTo(200);
        assertThat(http().get("/items/" + draftId, bob).statusCode()).isEqualTo(404);
        assertThat(http().get("/items/" + draftId).statusCode()).isEqualTo(404);
        assertThat(http().get("/items/" + publishedId).statusCode()).isEqualTo(200);

        HttpResponse<String> takeover = http().send("PATCH", "/items/" + publishedId, bob, "{\"title\":\"mine\"}");
        assertThat(takeover.statusCode()).isEqualTo(403);
        assertThat(http().get("/items/" + publishedId).body()).contains("\"title\":\"news\"");
    }

    @Test
    void theTokenEndpointTurnsParametersIntoTypedAndNestedClaims() {
        HttpResponse<String> token = http()
            .get("/dev/token?sub=dave&org_id=org_1&metadata.region=northeast&metadata.limit=5000&verified=true");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(Http.payload(token.body())).contains("\"sub\":\"dave\"")
            .contains("\"org_id\":\"org_1\"")
            .contains("\"metadata\":{\"region\":\"northeast\",\"limit\":5000}")
            .contains("\"verified\":true")
            .contains("\"iss\":\"" + tokens.issuer() + "\"");
        assertThat(http().get("/me", token.body()).body()).contains("\"id\":\"dave\"");
    }

    @Test
    void aNumericSubjectStaysAString() {
        HttpResponse<String> token = http().get("/dev/token?sub=42");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(Http.payload(token.body())).contains("\"sub\":\"42\"");
        assertThat(http().get("/me", token.body()).body()).contains("\"id\":\"42\"");
    }

    @Test
    void theTokenEndpointAsksForASubjectAndServesOnlyGet() {
        HttpResponse<String> noSubject = http().get("/dev/token");
        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.body()).contains("sub=");
        assertThat(http().send("POST", "/dev/token?sub=alice", null, "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void aTokenTheLocalIssuerDidNotSignIsRefused() {
        String token = tokens.token("alice");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        HttpResponse<String> me = http().get("/me", forged);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aTokenWithoutASubjectCannotBeMade() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> tokens.token(Map.of("org_id", "org_1")))
            .withMessageContaining("sub");
    }

    private static String id(String json) {
        return json.replaceAll(".*\"id\":(\\d+).*", "$1");
    }

}
