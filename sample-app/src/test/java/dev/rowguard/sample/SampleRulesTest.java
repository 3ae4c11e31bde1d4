package dev.rowguard.sample;

import java.net.http.HttpResponse;

import dev.rowguard.devkit.RowguardDevServices;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remaining rules of the sample's users, spaces, members, lists and todos, over HTTP
 * on the demo data. The steps build on each other (dave joins a space, becomes ADMIN,
 * adds carol), so they run in order.
 */
@SpringBootTest(classes = { SampleApplication.class, RowguardDevServices.class },
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.test=rules")
@ActiveProfiles("dev")
@WithTestPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleRulesTest {

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void usersAreReadableByThemselvesAndBySpaceMatesOnly() {
        assertThat(status("GET", "/api/users/alice", null, "bob")).isEqualTo(200);
        assertThat(status("GET", "/api/users/alice", null, "dave")).isEqualTo(404);
        assertThat(status("GET", "/api/users/dave", null, "dave")).isEqualTo(200);
        assertThat(status("GET", "/api/users/alice", null, null)).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anonymousCallersSeeNoSpacesListsOrTodos() {
        for (String path : new String[] { "/api/spaces", "/api/lists", "/api/todos" }) {
            assertThat(json(send("GET", path, null, null)).path("page").path("totalElements").asLong()).as(path)
                .isZero();
        }
        assertThat(status("POST", "/api/spaces", "{\"name\":\"x\",\"slug\":\"x\"}", null)).isEqualTo(403);
    }

    @Test
    @Order(3)
    void onlyAdminMembersUpdateOrDeleteASpace() {
        assertForbidden(send("PATCH", "/api/spaces/1", "{\"name\":\"Taken over\"}", "bob"), "Space", "UPDATE");
        assertForbidden(send("DELETE", "/api/spaces/1", null, "bob"), "Space", "DELETE");
        assertThat(
                json(send("PATCH", "/api/spaces/1", "{\"name\":\"Central Perk!\"}", "alice")).path("name").asString())
            .isEqualTo("Central Perk!");
    }

    @Test
    @Order(4)
    void theOwnerAddsAMemberAndAnAdminManagesRoles() {
        long dave = json(send("POST", "/api/spaces/1/members", "{\"userId\":\"dave\",\"role\":\"USER\"}", "alice"))
            .path("id")
            .asLong();
        assertThat(status("GET", "/api/spaces/1", null, "dave")).isEqualTo(200);
        assertForbidden(send("PATCH", "/api/members/" + dave, "{\"role\":\"ADMIN\"}", "bob"), "SpaceUser", "UPDATE");
        assertForbidden(send("PATCH", "/api/members/" + dave, "{\"role\":\"ADMIN\"}", "dave"), "SpaceUser", "UPDATE");
        assertThat(json(send("PATCH", "/api/members/" + dave, "{\"role\":\"ADMIN\"}", "alice")).path("role").asString())
            .isEqualTo("ADMIN");
        assertThat(status("POST", "/api/spaces/1/members", "{\"userId\":\"carol\",\"role\":\"USER\"}", "dave"))
            .isEqualTo(201);
        assertThat(
                json(send("GET", "/api/spaces/1/members", null, "carol")).path("page").path("totalElements").asLong())
            .isEqualTo(4);
        assertThat(status("POST", "/api/spaces/1/members", "{\"userId\":\"carol\",\"role\":\"USER\"}", "alice"))
            .isEqualTo(409);
        assertThat(status("POST", "/api/spaces/1/members", "{\"userId\":\"nobody\",\"role\":\"USER\"}", "alice"))
            .isEqualTo(409);
    }

    @Test
    @Order(5)
    void membersCreateListsInTheirSpacesAndOnlyTheOwnerDeletesOne() {
        assertThat(status("POST", "/api/lists", "{\"spaceId\":1,\"title\":\"Bob's\"}", "bob")).isEqualTo(201);
        assertThat(status("POST", "/api/lists", "{\"spaceId\":2,\"title\":\"Alice's\"}", "alice")).isEqualTo(404);
        assertForbidden(send("DELETE", "/api/lists/1", null, "bob"), "TodoList", "DELETE");
        assertThat(status("GET", "/api/lists/1", null, "alice")).isEqualTo(200);
    }

    @Test
    @Order(6)
    void membersWorkOnTheTodosOfPublicListsButNotOfPrivateOnes() {
        assertThat(status("POST", "/api/todos", "{\"listId\":1,\"title\":\"Bread\"}", "bob")).isEqualTo(201);
        assertThat(status("PATCH", "/api/todos/1", "{\"completed\":true}", "bob")).isEqualTo(200);
        assertThat(status("POST", "/api/todos", "{\"listId\":2,\"title\":\"Peek\"}", "bob")).isEqualTo(404);
        assertThat(status("DELETE", "/api/todos/3", null, "bob")).isEqualTo(404);
        assertThat(status("GET", "/api/todos/3", null, "alice")).isEqualTo(200);
    }

    private void assertForbidden(HttpResponse<String> response, String entity, String operation) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("entity").asString()).isEqualTo(entity);
        assertThat(problem.path("operation").asString()).isEqualTo(operation);
    }

    private int status(String method, String path, String body, String user) {
        return send(method, path, body, user).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body, String user) {
        Http http = new Http(port);
        String bearer = user == null ? null : http.get("/dev/token?sub=" + user).body();
        return http.send(method, path, body, bearer);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JsonMapper.builder().build().readTree(response.body());
    }

}
