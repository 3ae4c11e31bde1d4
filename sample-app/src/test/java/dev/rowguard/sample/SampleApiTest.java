package dev.rowguard.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

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
 * Every rule of the sample's entities, exercised over HTTP with really signed tokens on
 * the demo data of dev mode: alice owns space 1 (bob a member) with a public and a
 * private list; bob owns space 2 (organization org_rowguard, carol a member); dave
 * belongs nowhere and files expenses.
 */
@SpringBootTest(classes = { SampleApplication.class, RowguardDevServices.class },
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.test=api")
@ActiveProfiles("dev")
@WithTestPostgres
class SampleApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aliceAndBobSeeDifferentLists() {
        assertThat(ids(get("/api/lists", token("alice")))).containsExactly(1L, 2L, 3L);
        assertThat(ids(get("/api/lists", token("bob")))).containsExactly(1L, 3L, 4L);
        assertThat(get("/api/lists", token("dave")).path("page").path("totalElements").asLong()).isZero();
    }

    @Test
    void bobCannotReadAlicesPrivateListOrItsTodosOnAnyPath() {
        String bob = token("bob");
        assertThat(status("GET", "/api/lists/2", null, bob)).isEqualTo(404);
        assertThat(status("GET", "/api/lists/2/todos", null, bob)).isEqualTo(404);
        assertThat(status("GET", "/api/todos/3", null, bob)).isEqualTo(404);
        assertThat(ids(get("/api/spaces/1/lists", bob))).containsExactly(1L, 3L);
        assertThat(ids(get("/api/todos?size=100", bob))).doesNotContain(3L);
        assertThat(ids(get("/api/lists/2/todos", token("alice")))).containsExactly(3L);
    }

    @Test
    void paginationTotalsCountOnlyVisibleRows() {
        JsonNode page = get("/api/todos?size=2&sort=id", token("bob"));
        assertThat(page.path("content")).hasSize(2);
        assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(5);
        assertThat(get("/api/todos?size=2", token("alice")).path("page").path("totalElements").asLong()).isEqualTo(4);
    }

    @Test
    void bobCannotReassignAlicesListAndAliceCannotGiveItAway() {
        HttpResponse<String> byBob = http().send("PATCH", "/api/lists/1", "{\"ownerId\":\"bob\"}", token("bob"));
        assertForbidden(byBob, "TodoList", "UPDATE");
        assertThat(read(byBob.body()).path("code").asString()).isEqualTo("list.owner-only");
        HttpResponse<String> byAlice = http().send("PATCH", "/api/lists/1", "{\"ownerId\":\"bob\"}", token("alice"));
        assertForbidden(byAlice, "TodoList", "POST_UPDATE");
        JsonNode problem = read(byAlice.body());
        assertThat(problem.path("code").asString()).isEqualTo("list.owner-fixed");
        assertThat(problem.path("message").asString()).isEqualTo("A list cannot be given to someone else");
        // dev mode exposes the deciding rules' expressions (rowguard.web.expose-rules)
        assertThat(problem.path("rules").get(0).path("expression").asString()).isEqualTo("owner == before().owner");
        assertThat(problem.path("rules").get(0).path("effect").asString()).isEqualTo("ALLOW");
        assertThat(byAlice.body()).doesNotContain("Groceries");
        assertThat(get("/api/lists/1", token("alice")).path("ownerId").asString()).isEqualTo("alice");
    }

    @Test
    void aPostSaysWhatTheCallerMayDoWithIt() {
        assertThat(get("/api/posts/2", token("alice")).path("permissions").toString())
            .isEqualTo("[\"READ\",\"UPDATE\",\"DELETE\"]");
        assertThat(get("/api/posts/1", token("bob")).path("permissions").toString()).isEqualTo("[\"READ\"]");
        assertThat(get("/api/posts/1", null).path("permissions").toString()).isEqualTo("[\"READ\"]");
    }

    @Test
    void permissionPlansSayAlwaysNeverOrTheConditionARowMustMeet() {
        JsonNode anonymous = get("/api/permissions?entity=Post", null);
        assertThat(anonymous.path("CREATE").path("kind").asString()).isEqualTo("NEVER");
        assertThat(anonymous.path("READ").path("kind").asString()).isEqualTo("DEPENDS");
        assertThat(anonymous.path("READ").path("condition").asString()).isEqualTo("published");
        JsonNode alice = get("/api/permissions?entity=Post", token("alice"));
        assertThat(alice.path("UPDATE").path("kind").asString()).isEqualTo("DEPENDS");
        assertThat(alice.path("UPDATE").path("condition").asString()).contains("'alice'").contains("authorId");
        assertThat(status("GET", "/api/permissions?entity=Nothing", null, token("alice"))).isEqualTo(404);
    }

    @Test
    void anOutsiderCannotMakeThemselvesAnAdminMember() {
        String member = "{\"userId\":\"dave\",\"role\":\"ADMIN\"}";
        assertThat(status("POST", "/api/spaces/1/members", member, token("dave"))).isEqualTo(404);
        assertForbidden(http().send("POST", "/api/spaces/2/members", "{\"userId\":\"carol\",\"role\":\"ADMIN\"}",
                token("carol")), "SpaceUser", "CREATE");
        assertForbidden(
                http().send("POST", "/api/spaces/1/members", "{\"userId\":\"carol\",\"role\":\"USER\"}", token("bob")),
                "SpaceUser", "CREATE");
        assertThat(ids(get("/api/spaces/1/members", token("alice")))).hasSize(2);
    }

    @Test
    void aMemberOfTheSpacesClerkOrganizationCanReadIt() {
        assertThat(status("GET", "/api/spaces/2", null, token("dave"))).isEqualTo(404);
        String inOrg = http().get("/dev/token?sub=dave&org_id=org_rowguard&org_role=org:member").body();
        assertThat(get("/api/spaces/2", inOrg).path("name").asString()).isEqualTo("Rowguard HQ");
    }

    @Test
    void anAnonymousCallerSeesOnlyPublishedPostsAndAnAuthorAlsoTheirDrafts() {
        assertThat(ids(get("/api/posts", null))).contains(1L, 3L).doesNotContain(2L);
        assertThat(ids(get("/api/posts", token("alice")))).contains(1L, 2L, 3L);
        assertThat(status("GET", "/api/posts/2", null, token("bob"))).isEqualTo(404);
        assertThat(status("POST", "/api/posts", "{\"title\":\"anonymous\"}", null)).isEqualTo(403);
    }

    @Test
    void aNewPostsAuthorIsTheCaller() {
        HttpResponse<String> created = http().send("POST", "/api/posts",
                "{\"title\":\"Bob writes\",\"published\":true}", token("bob"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read(created.body()).path("authorId").asString()).isEqualTo("bob");
    }

    @Test
    void aNortheastManagerApprovesWithinTheirLimitAndRegionOnly() {
        String manager = http()
            .get("/dev/token?sub=carol&metadata.roles=manager&metadata.region=northeast&metadata.approval_limit=5000")
            .body();
        HttpResponse<String> approved = http().send("POST", "/api/expenses/1/approve", null, manager);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(read(approved.body()).path("status").asString()).isEqualTo("APPROVED");
        assertForbidden(http().send("POST", "/api/expenses/2/approve", null, manager), "ExpenseReport", "POST_UPDATE");
        assertThat(status("POST", "/api/expenses/3/approve", null, manager)).isEqualTo(404);
        assertThat(get("/api/expenses/2", token("dave")).path("status").asString()).isEqualTo("SUBMITTED");
        assertForbidden(http().send("POST", "/api/expenses/4/approve", null, token("dave")), "ExpenseReport",
                "POST_UPDATE");
    }

    @Test
    void theReviewersNoteIsHiddenFromDraftsSubmitterAndAuditorsAndSurvivesTheirChanges() {
        String manager = http()
            .get("/dev/token?sub=carol&metadata.roles=manager&metadata.region=northeast&metadata.approval_limit=5000")
            .body();
        String auditor = http().get("/dev/token?sub=erin&metadata.roles=auditor").body();
        assertThat(get("/api/expenses/4", token("dave")).path("reviewerNote").isNull()).isTrue();
        assertThat(status("PATCH", "/api/expenses/4", "{\"description\":\"Taxi to the airport\"}", token("dave")))
            .isEqualTo(200);
        assertThat(get("/api/expenses/4", manager).path("reviewerNote").asString())
            .isEqualTo("Sent back once: the receipt was missing");
        assertThat(get("/api/expenses/4", manager).path("description").asString()).isEqualTo("Taxi to the airport");
        assertThat(get("/api/expenses/4", auditor).path("reviewerNote").isNull()).isTrue();
        HttpResponse<String> created = http().send("POST", "/api/expenses",
                "{\"region\":\"northeast\",\"description\":\"Train\",\"amount\":90}", token("dave"));
        long id = read(created.body()).path("id").asLong();
        assertThat(status("POST", "/api/expenses/" + id + "/submit", null, token("dave"))).isEqualTo(200);
        HttpResponse<String> rejected = http().send("POST", "/api/expenses/" + id + "/reject",
                "{\"reviewerNote\":\"Book it through travel\"}", manager);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(get("/api/expenses/" + id, token("dave")).path("reviewerNote").asString())
            .isEqualTo("Book it through travel");
        assertThat(get("/api/expenses/" + id, auditor).path("reviewerNote").isNull()).isTrue();
        HttpResponse<String> selfReviewed = http().send("POST", "/api/expenses/4/approve",
                "{\"reviewerNote\":\"Looks fine to me\"}", token("dave"));
        assertForbidden(selfReviewed, "ExpenseReport", "UPDATE");
        assertThat(read(selfReviewed.body()).path("field").asString()).isEqualTo("reviewerNote");
        assertThat(selfReviewed.body()).doesNotContain("Looks fine").doesNotContain("Sent back once");
    }

    @Test
    void aTodosNoteIsItsOwnersAlone() {
        HttpResponse<String> created = http().send("POST", "/api/todos", "{\"listId\":1,\"title\":\"Groceries\"}",
                token("alice"));
        long id = read(created.body()).path("id").asLong();
        assertThat(status("PATCH", "/api/todos/" + id, "{\"note\":\"oat milk\"}", token("alice"))).isEqualTo(200);
        assertThat(get("/api/todos/" + id, token("alice")).path("note").asString()).isEqualTo("oat milk");
        assertThat(get("/api/todos/" + id, token("bob")).path("note").isNull()).isTrue();
        assertThat(get("/api/todos/" + id, token("bob")).path("title").asString()).isEqualTo("Groceries");
        // leave the demo data as the other tests count it
        assertThat(status("DELETE", "/api/todos/" + id, null, token("alice"))).isEqualTo(204);
    }

    @Test
    void aSubmitterEditsAndSubmitsOnlyTheirOwnDrafts() {
        HttpResponse<String> created = http().send("POST", "/api/expenses",
                "{\"region\":\"south\",\"description\":\"Hotel\",\"amount\":120}", token("bob"));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = read(created.body()).path("id").asLong();
        assertThat(status("PATCH", "/api/expenses/" + id, "{\"amount\":150}", token("bob"))).isEqualTo(200);
        assertThat(status("PATCH", "/api/expenses/" + id, "{\"amount\":1}", token("dave"))).isEqualTo(404);
        assertThat(status("POST", "/api/expenses/" + id + "/submit", null, token("bob"))).isEqualTo(200);
        assertForbidden(http().send("PATCH", "/api/expenses/" + id, "{\"amount\":99999}", token("bob")),
                "ExpenseReport", "UPDATE");
        assertThat(get("/api/expenses/" + id, token("bob")).path("amount").asLong()).isEqualTo(150);
    }

    @Test
    void aBadRequestIsA400NamingTheFields() {
        HttpResponse<String> response = http().send("POST", "/api/lists", "{\"title\":\"\"}", token("alice"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = read(response.body()).path("errors");
        assertThat(errors.has("spaceId")).isTrue();
        assertThat(errors.has("title")).isTrue();
        assertThat(status("POST", "/api/lists", "{not json", token("alice"))).isEqualTo(400);
        assertThat(status("GET", "/api/lists/not-a-number", null, token("alice"))).isEqualTo(400);
    }

    @Test
    void aBadTokenIsA401AndNoTokenIsAnonymous() {
        assertThat(status("GET", "/api/lists", null, "not-a-token")).isEqualTo(401);
        assertThat(get("/api/me", null).path("authenticated").asBoolean()).isFalse();
    }

    private void assertForbidden(HttpResponse<String> response, String entity, String operation) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(response.body());
        assertThat(problem.path("entity").asString()).isEqualTo(entity);
        assertThat(problem.path("operation").asString()).isEqualTo(operation);
    }

    private Http http() {
        return new Http(port);
    }

    private String token(String user) {
        return http().get("/dev/token?sub=" + user).body();
    }

    private JsonNode get(String path, String bearer) {
        HttpResponse<String> response = http().get(path, bearer);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return read(response.body());
    }

    private int status(String method, String path, String body, String bearer) {
        return http().send(method, path, body, bearer).statusCode();
    }

    private static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("content").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

}
