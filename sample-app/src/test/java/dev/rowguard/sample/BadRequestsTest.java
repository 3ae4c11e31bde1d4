package dev.rowguard.sample;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;

import dev.rowguard.devkit.RowguardDevServices;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed or hostile request the sample's controllers take is a 4xx
 * {@code application/problem+json} that names what was wrong and reveals nothing: no SQL,
 * no constraint name, no value of a hidden row. Never a 500.
 */
@SpringBootTest(classes = { SampleApplication.class, RowguardDevServices.class },
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.test=bad-requests")
@ActiveProfiles("dev")
@WithTestPostgres
class BadRequestsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Names of the sample's constraints and the text of alice's private list, which bob
     * must never see.
     */
    static final String[] NEVER_IN_A_BODY = { "space_user_", "_pkey", "_fkey", "_key", "select ", "insert ", "SQL",
            "Exception", "at dev.", "Shopping" };

    @LocalServerPort
    int port;

    @Test
    void anUnknownSortPropertyIsA400NamingTheParameter() {
        HttpResponse<String> response = send("GET", "/api/todos?sort=nonexistent", null, token("alice"));
        assertProblem(response, 400);
        assertThat(response.body()).contains("sort");
    }

    @Test
    void aSortThroughARelationIsA400LikeAnyOtherBadSort() {
        assertProblem(send("GET", "/api/todos?sort=list.title", null, token("bob")), 400);
        assertProblem(send("GET", "/api/todos?sort=list.owner.id,desc", null, token("bob")), 400);
    }

    @Test
    void badPagingIsClampedOrRefusedNeverA500() {
        for (String query : new String[] { "page=-1", "size=0", "size=abc", "page=abc", "size=100000" }) {
            int status = send("GET", "/api/todos?" + query, null, token("alice")).statusCode();
            assertThat(status).as(query).isIn(200, 400);
        }
    }

    @Test
    void aPathVariableOfTheWrongTypeIsA400() {
        assertProblem(send("GET", "/api/lists/abc", null, token("alice")), 400);
    }

    @Test
    void aBodyWithAWrongTypeAnUnknownFieldOrAMissingFieldIsA400NamingTheField() {
        HttpResponse<String> wrongType = send("POST", "/api/lists",
                "{\"spaceId\":1,\"title\":\"x\",\"privateList\":\"maybe\"}", token("alice"));
        assertProblem(wrongType, 400);
        assertThat(wrongType.body()).contains("privateList").doesNotContain("maybe");
        HttpResponse<String> unknown = send("POST", "/api/lists", "{\"spaceId\":1,\"title\":\"x\",\"color\":\"red\"}",
                token("alice"));
        assertProblem(unknown, 400);
        assertThat(unknown.body()).contains("color").doesNotContain("red\"");
        HttpResponse<String> missing = send("POST", "/api/lists", "{\"spaceId\":1}", token("alice"));
        assertProblem(missing, 400);
        assertThat(missing.body()).contains("title");
    }

    @Test
    void aBodyOverTheMaximumSizeIsA413() {
        String huge = "{\"spaceId\":1,\"title\":\"" + "x".repeat(300_000) + "\"}";
        assertProblem(send("POST", "/api/lists", huge, token("alice")), 413);
    }

    @Test
    void anIdOfARowTheCallerCannotReadGetsTheSameAnswerAsAFreeId() {
        HttpResponse<String> hidden = send("POST", "/api/lists", "{\"id\":2,\"spaceId\":1,\"title\":\"mine\"}",
                token("bob"));
        HttpResponse<String> free = send("POST", "/api/lists", "{\"id\":999999,\"spaceId\":1,\"title\":\"mine\"}",
                token("bob"));
        assertThat(hidden.statusCode()).isEqualTo(free.statusCode()).isBetween(400, 499);
        assertThat(hidden.body().replace("2", "N")).isEqualTo(free.body().replace("999999", "N"));
        assertProblem(hidden, hidden.statusCode());
    }

    @Test
    void aUniqueKeyViolationIsA409WithoutTheConstraintOrTheKey() {
        String bobAgain = "{\"userId\":\"bob\",\"role\":\"USER\"}";
        HttpResponse<String> response = send("POST", "/api/spaces/1/members", bobAgain, token("alice"));
        assertProblem(response, 409);
        assertThat(response.body()).doesNotContain("bob");
    }

    @Test
    void aForeignKeyViolationIsA409WithoutTheConstraintOrTheKey() {
        String nobody = "{\"userId\":\"no-such-user-42\",\"role\":\"USER\"}";
        HttpResponse<String> response = send("POST", "/api/spaces/1/members", nobody, token("alice"));
        assertProblem(response, 409);
        assertThat(response.body()).doesNotContain("no-such-user-42").doesNotContain("space_user");
    }

    @Test
    void patchingARequiredFieldToNullLeavesItUnchanged() {
        HttpResponse<String> response = send("PATCH", "/api/lists/1", "{\"title\":null}", token("alice"));
        assertThat(response.statusCode()).isIn(200, 400);
        JsonNode list = JSON.readTree(send("GET", "/api/lists/1", null, token("alice")).body());
        assertThat(list.path("title").asString()).isNotBlank();
    }

    @Test
    void aWrongContentTypeIsA415AndAnUnsupportedMethodA405() {
        HttpResponse<String> wrongType = send("POST", "/api/lists", "spaceId=1", token("alice"), "text/plain");
        assertProblem(wrongType, 415);
        assertProblem(send("PUT", "/api/lists", "{}", token("alice")), 405);
    }

    @Test
    void aServerFaultIsA500ProblemThatSaysNothingMore() {
        HttpResponse<String> response = send("GET", "/error", null, null);
        assertProblem(response, 500);
        assertThat(JSON.readTree(response.body()).path("detail").asString())
            .isEqualTo("the server could not answer this request");
        assertProblem(send("GET", "/api/no-such-endpoint", null, token("alice")), 404);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of a %s", status)
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain(NEVER_IN_A_BODY);
    }

    private String token(String user) {
        return new Http(port).get("/dev/token?sub=" + user).body();
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        return send(method, path, body, bearer, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", contentType);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
