package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.rowguard.auth.internal.TokenRejection;
import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not verify: each answers 401 with {@code WWW-Authenticate: Bearer
 * error="invalid_token"}, reveals nothing of the token, and never reaches the controller.
 */
class BearerTokenRejectionTest {

    static final String SUPABASE_SECRET = "a-legacy-supabase-jwt-secret-of-at-least-32-bytes";

    static LocalTokenIssuer clerk;
    static LocalTokenIssuer supabase;
    static LocalTokenIssuer oidc;
    static LocalTokenIssuer stranger;
    static RunningApp app;

    @BeforeAll
    static void start() {
        clerk = LocalTokenIssuer.start();
        supabase = LocalTokenIssuer.start(0, "/auth/v1", JWSAlgorithm.ES256);
        oidc = LocalTokenIssuer.start();
        stranger = LocalTokenIssuer.start();
        app = RunningApp.start(Map.of("rowguard.clerk.issuer", clerk.issuer(), "rowguard.clerk.authorized-parties",
                "https://app.example.com", "rowguard.supabase.url", "http://localhost:" + supabase.port(),
                "rowguard.supabase.jwt-secret", SUPABASE_SECRET, "rowguard.oidc.issuer", oidc.issuer(),
                "rowguard.oidc.audiences", "api://rowguard",
                // lets an oversized token through Tomcat, so that Rowguard's own limit is
                // what rejects it
                "server.max-http-request-header-size", "64KB", "logging.level.dev.rowguard.auth.internal", "DEBUG"));
    }

    @AfterAll
    static void stop() {
        app.close();
        clerk.close();
        supabase.close();
        oidc.close();
        stranger.close();
    }

    @Test
    void rejectsAnUnsignedToken() {
        assertRejected(clerk.token().subject("mallory").unsigned().sign());
    }

    @Test
    void rejectsHs256TokenSignedWithTheProvidersRsaPublicKey() throws Exception {
        RSAKey publicKey = clerk.signingKey().toRSAKey().toPublicJWK();
        byte[] der = publicKey.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
                publicKey.toJSONString().getBytes(StandardCharsets.UTF_8))) {
            assertRejected(
                    clerk.token().subject("mallory").keyId(publicKey.getKeyID()).signedWithSecret(secret).sign());
        }
    }

    @Test
    void rejectsHs256ForAProviderWithoutASharedSecret() {
        assertRejected(oidc.token()
            .subject("mallory")
            .claim("aud", "api://rowguard")
            .signedWithSecret(SUPABASE_SECRET.getBytes(StandardCharsets.UTF_8))
            .sign());
    }

    @Test
    void rejectsATokenFromAnIssuerThatIsNotConfigured() {
        assertRejected(stranger.token("mallory", Map.of()), TokenRejection.ISSUER);
    }

    @Test
    void rejectsATokenWhoseIssuerDiffersFromTheConfiguredOneOnlyByATrailingSlash() {
        assertRejected(clerk.token().subject("mallory").claim("iss", clerk.issuer() + "/").sign(),
                TokenRejection.ISSUER);
    }

    @Test
    void rejectsASupabaseTokenForAnotherAudience() {
        assertRejected(supabase.token().subject("u1").claim("aud", "anon").claim("role", "authenticated").sign());
        assertRejected(supabase.token().subject("u1").claim("role", "authenticated").sign());
    }

    @Test
    void rejectsAnOidcTokenForAnotherAudience() {
        assertRejected(oidc.token().subject("u1").claim("aud", "api://someone-else").sign(), TokenRejection.AUDIENCE);
    }

    @Test
    void rejectsAClerkTokenFromAnAuthorizedPartyNotListed() {
        assertRejected(clerk.token().subject("user_1").claim("azp", "https://evil.example.com").sign(),
                TokenRejection.AUTHORIZED_PARTY);
    }

    @Test
    void rejectsAClerkTokenOfAPendingSession() {
        assertRejected(clerk.token().subject("user_1").claim("v", 2).claim("sts", "pending").sign());
    }

    @Test
    void rejectsTheSupabaseServiceRoleKey() {
        assertRejected(supabase.token()
            .claim("iss", "supabase")
            .claim("role", "service_role")
            .signedWithSecret(SUPABASE_SECRET.getBytes(StandardCharsets.UTF_8))
            .sign());
    }

    @Test
    void rejectsASupabaseUserTokenCarryingTheServiceRole() {
        assertRejected(
                supabase.token().subject("u1").claim("aud", "authenticated").claim("role", "service_role").sign());
    }

    @Test
    void rejectsATokenExpiredBeyondTheClockSkew() {
        Instant now = Instant.now();
        assertRejected(clerk.token()
            .subject("user_1")
            .claim("iat", now.minusSeconds(70))
            .claim("nbf", now.minusSeconds(70))
            .expiresAt(now.minusSeconds(10))
            .sign(), TokenRejection.EXPIRED);
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        assertRejected(clerk.token().subject("user_1").claim("exp", null).sign());
    }

    @Test
    void rejectsATokenNotValidBeforeAMomentStillToCome() {
        assertRejected(clerk.token().subject("user_1").claim("nbf", Instant.now().plusSeconds(60)).sign(),
                TokenRejection.NOT_YET_VALID);
    }

    @Test
    void rejectsATokenSignedByAKeyTheProviderDoesNotPublish() {
        JWK foreign = stranger.signingKey();
        assertRejected(clerk.token().subject("user_1").signedWith(foreign).sign(), TokenRejection.UNKNOWN_KEY);
        assertRejected(clerk.token().subject("user_1").signedWith(foreign).keyId(clerk.signingKey().getKeyID()).sign(),
                TokenRejection.SIGNATURE);
    }

    @Test
    void rejectsATokenWithATamperedPayload() {
        String token = clerk.token().subject("user_1").sign();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.replace("user_1", "user_2").getBytes(StandardCharsets.UTF_8));

        assertRejected(parts[0] + "." + tampered + "." + parts[2], TokenRejection.SIGNATURE);
    }

    @Test
    void rejectsAMalformedToken() {
        assertRejected("not-a-jwt", TokenRejection.MALFORMED);
        assertRejected("a.b.c", TokenRejection.MALFORMED);
        assertRejected(
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\"}".getBytes()) + ".e30.c2ln");
    }

    @Test
    void rejectsATokenLargerThan8KibEvenWhenItsSignatureIsValid() {
        String token = clerk.token().subject("user_1").claim("padding", "x".repeat(9 * 1024)).sign();

        assertRejected(token);
    }

    @Test
    void acceptsALargeButPermittedToken() {
        String token = clerk.token().subject("user_1").claim("padding", "x".repeat(4 * 1024)).sign();

        assertThat(app.me(token).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsATokenWhoseTypeIsNotJwt() {
        assertRejected(clerk.token().subject("user_1").type("dpop+jwt").sign());
        assertRejected(supabase.token().subject("u1").claim("aud", "authenticated").type("at+jwt").sign());
    }

    @Test
    void rejectsATokenWithoutSubject() {
        assertRejected(clerk.token().sign());
        assertRejected(supabase.token().claim("aud", "authenticated").claim("role", "authenticated").sign());
        assertRejected(oidc.token().subject("").claim("aud", "api://rowguard").sign());
    }

    @Test
    void rejectsATokenSignedByOneConfiguredProviderButClaimingTheOthersIssuer() {
        assertRejected(clerk.token()
            .subject("u1")
            .claim("iss", supabase.issuer())
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .sign());
        assertRejected(supabase.token().subject("user_1").claim("iss", clerk.issuer()).sign());
        assertRejected(oidc.token().subject("user_1").claim("iss", clerk.issuer()).keyId(null).sign());
        assertRejected(clerk.token().subject("u1").claim("iss", oidc.issuer()).claim("aud", "api://rowguard").sign());
    }

    @Test
    void rejectionsNeverEchoTheToken() {
        String secretish = "subject-" + UUID.randomUUID();
        String token = clerk.token().subject(secretish).claim("azp", "https://evil.example.com").sign();

        HttpResponse<String> response = assertRejected(token);

        String everything = response.headers().map().toString() + response.body();
        assertThat(everything).doesNotContain(secretish).doesNotContain("evil.example.com");
        for (String part : token.split("\\.")) {
            assertThat(everything).doesNotContain(part);
        }
    }

    private static HttpResponse<String> assertRejected(String token, TokenRejection reason) {
        HttpResponse<String> response = assertRejected(token);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error_description=\"" + reason.description() + "\""));
        return response;
    }

    private static HttpResponse<String> assertRejected(String token) {
        int before = app.controllerHits();
        HttpResponse<String> response = app.me(token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(app.controllerHits()).isEqualTo(before);
        return response;
    }

}
