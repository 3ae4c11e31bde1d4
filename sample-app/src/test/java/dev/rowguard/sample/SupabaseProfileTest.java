package dev.rowguard.sample;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import dev.rowguard.testsupport.LocalTokenIssuer;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with its {@code supabase} profile, on an empty database, against a
 * Supabase-shaped issuer ({@code <url>/auth/v1}, ES256): users sign up through the API
 * and the same rules hold, with roles and attributes taken from {@code app_metadata}.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("supabase")
@WithTestPostgres
class SupabaseProfileTest {

    static final LocalTokenIssuer supabase = LocalTokenIssuer.start(0, "/auth/v1", JWSAlgorithm.ES256);

    static final String ALICE = UUID.randomUUID().toString();
    static final String BOB = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void supabaseUrl(DynamicPropertyRegistry registry) {
        registry.add("SUPABASE_URL", () -> supabase.issuer().replace("/auth/v1", ""));
    }

    @AfterAll
    static void stop() {
        supabase.close();
    }

    @LocalServerPort
    int port;

    @Test
    void usersSignUpAndTheirListsStayTheirs() {
        assertThat(
                send("PUT", "/api/users/me", "{\"email\":\"alice@example.com\"}", token(ALICE, Map.of())).statusCode())
            .isEqualTo(200);
        assertThat(send("PUT", "/api/users/me", "{\"email\":\"bob@example.com\"}", token(BOB, Map.of())).statusCode())
            .isEqualTo(200);
        String alice = token(ALICE, Map.of());
        long space = json(send("POST", "/api/spaces", "{\"name\":\"Home\",\"slug\":\"home\"}", alice)).path("id")
            .asLong();
        long list = json(send("POST", "/api/lists",
                "{\"spaceId\":" + space + ",\"title\":\"Secret\",\"privateList\":true}", alice))
            .path("id")
            .asLong();
        assertThat(send("POST", "/api/todos", "{\"listId\":" + list + ",\"title\":\"Hide me\"}", alice).statusCode())
            .isEqualTo(201);

        String bob = token(BOB, Map.of());
        assertThat(send("GET", "/api/lists/" + list, null, bob).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/api/todos", null, bob)).path("page").path("totalElements").asLong()).isZero();
        assertThat(send("GET", "/api/users/" + ALICE, null, bob).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/api/todos", null, alice)).path("page").path("totalElements").asLong())
            .isEqualTo(1);
    }

    @Test
    void aManagerFromAppMetadataApprovesWithinTheirLimit() {
        String submitter = UUID.randomUUID().toString();
        String report = "{\"region\":\"northeast\",\"description\":\"Dinner\",\"amount\":4000}";
        long id = json(send("POST", "/api/expenses", report, token(submitter, Map.of()))).path("id").asLong();
        assertThat(send("POST", "/api/expenses/" + id + "/submit", null, token(submitter, Map.of())).statusCode())
            .isEqualTo(200);

        Map<String, Object> small = Map.of("roles", List.of("manager"), "region", "northeast", "approval_limit", 1000);
        assertThat(send("POST", "/api/expenses/" + id + "/approve", null, token(UUID.randomUUID().toString(), small))
            .statusCode()).isEqualTo(403);
        Map<String, Object> large = Map.of("roles", List.of("manager"), "region", "northeast", "approval_limit", 5000);
        HttpResponse<String> approved = send("POST", "/api/expenses/" + id + "/approve", null,
                token(UUID.randomUUID().toString(), large));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json(approved).path("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void userMetadataNeverGrantsARole() {
        String submitter = UUID.randomUUID().toString();
        String report = "{\"region\":\"south\",\"description\":\"Taxi\",\"amount\":40}";
        long id = json(send("POST", "/api/expenses", report, token(submitter, Map.of()))).path("id").asLong();
        send("POST", "/api/expenses/" + id + "/submit", null, token(submitter, Map.of()));
        String selfPromoted = supabase.token()
            .subject(UUID.randomUUID().toString())
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .claim("user_metadata", Map.of("roles", List.of("manager"), "region", "south"))
            .claim("app_metadata", Map.of("region", "south", "approval_limit", 100000))
            .expiresAt(Instant.now().plusSeconds(600))
            .sign();
        assertThat(send("POST", "/api/expenses/" + id + "/approve", null, selfPromoted).statusCode()).isEqualTo(404);
    }

    private String token(String subject, Map<String, Object> appMetadata) {
        return supabase.token()
            .subject(subject)
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .claim("email", subject + "@example.com")
            .claim("app_metadata", appMetadata)
            .expiresAt(Instant.now().plusSeconds(600))
            .sign();
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        return new Http(port).send(method, path, body, bearer);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JsonMapper.builder().build().readTree(response.body());
    }

}
