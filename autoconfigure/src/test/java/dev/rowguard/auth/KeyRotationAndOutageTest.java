package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys rotate and JWKS endpoints fail; each test runs its own issuer and application. */
class KeyRotationAndOutageTest {

    LocalTokenIssuer issuer;

    LocalTokenIssuer stranger;

    RunningApp app;

    @BeforeEach
    void startIssuers() {
        issuer = LocalTokenIssuer.start();
        stranger = LocalTokenIssuer.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        issuer.close();
        stranger.close();
    }

    @Test
    void aRotatedKeyIsAcceptedWithoutRestart() {
        app = startApp(Map.of("rowguard.auth.jwks.refetch-interval", "0s"));
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);

        JWK old = issuer.signingKey();
        issuer.rotate(JWSAlgorithm.RS256);

        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        assertThat(issuer.jwksFetches()).isEqualTo(2);
        assertThat(app.me(issuer.token().subject("user_1").signedWith(old).sign()).statusCode())
            .as("the old key is still published")
            .isEqualTo(200);
    }

    @Test
    void aKeyThatIsNotInTheRefetchedJwksIsRejected() {
        app = startApp(Map.of("rowguard.auth.jwks.refetch-interval", "0s"));
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);

        HttpResponse<String> response = app
            .me(issuer.token().subject("user_1").signedWith(stranger.signingKey()).sign());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(issuer.jwksFetches()).as("the unknown kid was looked for in a fresh JWKS").isEqualTo(2);
    }

    @Test
    void aFloodOfUnknownKeysFetchesTheJwksAtMostOncePerWindow() throws Exception {
        app = startApp(Map.of("rowguard.auth.jwks.refetch-interval", "1h"));
        List<String> forged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forged.add(issuer.token()
                .subject("mallory")
                .signedWith(stranger.signingKey())
                .keyId(UUID.randomUUID().toString())
                .sign());
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (String token : forged) {
                responses.add(pool.submit(() -> app.me(token)));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(401);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(issuer.jwksFetches()).isEqualTo(1);
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        issuer.rotate(JWSAlgorithm.RS256);
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode())
            .as("a key published within the window waits for the next one")
            .isEqualTo(401);
        assertThat(issuer.jwksFetches()).isEqualTo(1);
    }

    @Test
    void cachedKeysKeepVerifyingWhileTheJwksIsDown() {
        // keys expire at once and may be refetched at once: every request tries the JWKS
        // again
        app = startApp(Map.of("rowguard.auth.jwks.cache-ttl", "0s", "rowguard.auth.jwks.refetch-interval", "0s"));
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);

        issuer.setAvailable(false);

        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        assertThat(app.me(issuer.token("user_2", Map.of())).statusCode()).isEqualTo(200);
        assertThat(issuer.jwksFetches()).as("the JWKS was tried and failed").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTokenWhoseKeyCannotBeLookedForDuringAnOutageAnswers503() {
        app = startApp(Map.of("rowguard.auth.jwks.refetch-interval", "0s"));
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        issuer.setAvailable(false);
        issuer.rotate(JWSAlgorithm.RS256);

        HttpResponse<String> response = app.me(issuer.token("user_1", Map.of()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void unreachableKeysAnswer503WithRetryAfterAndTheApplicationStillStarts() {
        issuer.setAvailable(false);
        app = startApp(Map.of("rowguard.auth.jwks.refetch-interval", "7s"));
        String token = issuer.token("user_1", Map.of());

        HttpResponse<String> response = app.me(token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":503").doesNotContain("user_1");
        for (String part : token.split("\\.")) {
            assertThat(response.body()).doesNotContain(part);
        }
        assertThat(app.controllerHits()).isZero();
        assertThat(app.me(null).statusCode()).as("anonymous requests are unaffected").isEqualTo(200);
    }

    @Test
    void verificationResumesWhenTheJwksIsBack() {
        issuer.setAvailable(false);
        app = startApp(Map.of("rowguard.auth.jwks.refetch-interval", "0s"));
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(503);

        issuer.setAvailable(true);

        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
    }

    @Test
    void discoveryHappensAtFirstUseNotAtStartUp() {
        issuer.setAvailable(false);
        app = startOidcApp(Map.of("rowguard.auth.jwks.refetch-interval", "0s"));
        assertThat(issuer.jwksFetches()).isZero();
        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(503);

        issuer.setAvailable(true);

        assertThat(app.me(issuer.token("user_1", Map.of())).statusCode()).isEqualTo(200);
        assertThat(issuer.jwksFetches()).isEqualTo(1);
    }

    private RunningApp startApp(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("rowguard.clerk.issuer", issuer.issuer());
        all.put("rowguard.clerk.authorized-parties", "https://app.example.com");
        return RunningApp.start(all);
    }

    private RunningApp startOidcApp(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("rowguard.oidc.issuer", issuer.issuer());
        return RunningApp.start(all);
    }

}
