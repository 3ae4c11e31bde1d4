package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Supabase project with asymmetric keys only: HS256 is never accepted, not even the
 * anon key.
 */
class SupabaseWithoutSecretTest {

    static final byte[] SOME_SECRET = "a-legacy-supabase-jwt-secret-of-at-least-32-bytes"
        .getBytes(StandardCharsets.UTF_8);

    static LocalTokenIssuer supabase;
    static RunningApp app;

    @BeforeAll
    static void start() {
        supabase = LocalTokenIssuer.start(0, "/auth/v1", JWSAlgorithm.ES256);
        app = RunningApp.start(Map.of("rowguard.supabase.url", "http://localhost:" + supabase.port()));
    }

    @AfterAll
    static void stop() {
        app.close();
        supabase.close();
    }

    @Test
    void acceptsAnEs256Token() {
        String token = supabase.token()
            .subject("u1")
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .sign();

        assertThat(app.me(token).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsHs256WhenNoSecretIsConfigured() {
        String token = supabase.token()
            .subject("u1")
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .signedWithSecret(SOME_SECRET)
            .sign();

        assertUnauthorized(app.me(token));
    }

    @Test
    void rejectsTheLegacyAnonKeyWhichCannotBeVerifiedWithoutTheSecret() {
        String anonKey = supabase.token()
            .claim("iss", "supabase")
            .claim("role", "anon")
            .signedWithSecret(SOME_SECRET)
            .sign();

        assertUnauthorized(app.me(anonKey));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(response.body()).isEmpty();
    }

}
