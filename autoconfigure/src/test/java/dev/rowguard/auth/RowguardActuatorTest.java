package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rowguard} health contributor, endpoint and token counter, in an application
 * that exposes them, with a real issuer whose JWKS goes down and comes back.
 */
class RowguardActuatorTest {

    LocalTokenIssuer issuer;

    RunningApp app;

    @BeforeEach
    void startIssuer() {
        issuer = LocalTokenIssuer.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        issuer.close();
    }

    @Test
    void healthIsDownNamingTheIssuerWhileItsKeysCannotBeFetchedAndUpWhenTheyAreBack() {
        issuer.setAvailable(false);
        app = startApp();
        HttpResponse<String> before = app.get("/actuator/health", null);
        assertThat(before.statusCode()).as("nothing was needed yet").isEqualTo(200);

        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(503);
        HttpResponse<String> down = app.get("/actuator/health", null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"keysUnavailable\":[\"" + issuer.issuer() + "\"]},\"status\":\"DOWN\"");

        issuer.setAvailable(true);
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        assertThat(app.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theEndpointShowsEachIssuerWithTheKeysItHolds() {
        app = startApp();
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        String description = app.get("/actuator/rowguard", null).body();
        assertThat(description).contains("\"provider\":\"clerk\"")
            .contains("\"issuer\":\"" + issuer.issuer() + "\"")
            .contains(issuer.jwkSetUri())
            .contains(issuer.signingKey().getKeyID())
            .contains("\"hiddenReferences\":\"hide-row\"");
    }

    @Test
    void refusedTokensAreCountedByReason() {
        app = startApp();
        app.me("not-a-token");
        app.me(expired());
        app.me(expired());
        assertThat(count("rowguard.tokens.rejected", "reason:expired")).isEqualTo(2.0);
        assertThat(count("rowguard.tokens.rejected", "reason:malformed")).isEqualTo(1.0);
    }

    private String expired() {
        Instant past = Instant.now().minusSeconds(700);
        return issuer.token()
            .subject("user_1")
            .claim("iat", past)
            .claim("nbf", past)
            .expiresAt(past.plusSeconds(60))
            .sign();
    }

    private double count(String meter, String tag) {
        HttpResponse<String> response = app.get("/actuator/metrics/" + meter + "?tag=" + tag, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningApp.json(response).path("measurements").get(0).path("value").asDouble();
    }

    private RunningApp startApp() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("rowguard.clerk.issuer", issuer.issuer());
        all.put("rowguard.clerk.authorized-parties", "https://app.example.com");
        all.put("rowguard.auth.jwks.refetch-interval", "0s");
        all.put("management.endpoints.web.exposure.include", "health,rowguard,metrics");
        all.put("management.endpoint.health.show-details", "always");
        return RunningApp.start(all);
    }

}
