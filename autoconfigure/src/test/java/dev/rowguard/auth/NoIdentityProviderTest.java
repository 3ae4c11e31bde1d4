package dev.rowguard.auth;

import java.util.Map;

import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter and no provider block: requests without a token run as
 * anonymous callers (no password prompt), and any bearer token, even one a real issuer
 * signed, is a 401 naming no issuer.
 */
class NoIdentityProviderTest {

    static LocalTokenIssuer issuer;

    static RunningApp app;

    @BeforeAll
    static void start() {
        issuer = LocalTokenIssuer.start();
        app = RunningApp.start(Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
        issuer.close();
    }

    @Test
    void aRequestWithoutATokenRunsAsAnonymousNotBehindAPassword() {
        var response = app.me(null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(RunningApp.json(response).get("anonymous").asBoolean()).isTrue();
    }

    @Test
    void anyBearerTokenIsRefusedWithA401() {
        int hits = app.controllerHits();
        assertThat(app.me("not-a-token").statusCode()).isEqualTo(401);
        var signed = app.me(issuer.token("alice", Map.of()));
        assertThat(signed.statusCode()).isEqualTo(401);
        assertThat(signed.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(app.controllerHits()).as("refused before the controller").isEqualTo(hits);
    }

}
