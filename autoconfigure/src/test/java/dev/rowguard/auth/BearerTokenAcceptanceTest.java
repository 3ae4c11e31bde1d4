package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that verify become the caller; the principal carries exactly what each token
 * carries. Real issuers serve their JWKS over HTTP; the application runs on a real port.
 */
class BearerTokenAcceptanceTest {

    static final String SUPABASE_SECRET = "a-legacy-supabase-jwt-secret-of-at-least-32-bytes";

    static LocalTokenIssuer clerk;
    static LocalTokenIssuer supabase;
    static LocalTokenIssuer oidc;
    static JWK supabaseRsaKey;
    static RunningApp app;

    @BeforeAll
    static void start() {
        clerk = LocalTokenIssuer.start();
        supabase = LocalTokenIssuer.start(0, "/auth/v1", JWSAlgorithm.ES256);
        supabaseRsaKey = supabase.addKey(JWSAlgorithm.RS256);
        oidc = LocalTokenIssuer.start();
        app = RunningApp.start(Map.ofEntries(Map.entry("rowguard.clerk.issuer", clerk.issuer()),
                Map.entry("rowguard.clerk.authorized-parties", "https://app.example.com"),
                Map.entry("rowguard.clerk.roles-claim", "metadata.roles"),
                Map.entry("rowguard.supabase.url", "http://localhost:" + supabase.port()),
                Map.entry("rowguard.supabase.jwt-secret", SUPABASE_SECRET),
                Map.entry("rowguard.oidc.issuer", oidc.issuer()),
                Map.entry("rowguard.oidc.audiences", "api://rowguard"),
                Map.entry("rowguard.auth.attributes.region", "metadata.region"),
                Map.entry("rowguard.auth.attributes.approvalLimit", "metadata.approval_limit"),
                Map.entry("rowguard.auth.attributes.beta", "metadata.beta"),
                Map.entry("rowguard.auth.attributes.teams", "metadata.teams"),
                Map.entry("rowguard.auth.attributes.tier", "app_metadata.tier")));
    }

    @AfterAll
    static void stop() {
        app.close();
        clerk.close();
        supabase.close();
        oidc.close();
    }

    @Test
    void acceptsAClerkVersion1TokenAndMapsItsOrganizationRolesAndAttributes() {
        String token = clerk.token()
            .subject("user_2abc")
            .claim("azp", "https://app.example.com")
            .claim("sid", "sess_1")
            .claim("email", "ada@example.com")
            .claim("org_id", "org_42")
            .claim("org_slug", "acme")
            .claim("org_role", "org:admin")
            .claim("org_permissions", List.of("org:posts:read", "org:posts:manage", "org:comments:read"))
            .claim("metadata",
                    Map.of("roles", List.of("manager"), "region", "eu", "approval_limit", 5000, "beta", true, "teams",
                            List.of("red", "blue")))
            .sign();

        JsonNode me = okPrincipal(token);

        assertThat(me.get("id").asString()).isEqualTo("user_2abc");
        assertThat(me.get("provider").asString()).isEqualTo("clerk");
        assertThat(me.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(strings(me.get("roles"))).containsExactly("manager");
        assertThat(me.get("orgId").asString()).isEqualTo("org_42");
        assertThat(me.get("orgRole").asString()).isEqualTo("admin");
        assertThat(strings(me.get("orgPermissions"))).containsExactlyInAnyOrder("org:posts:read", "org:posts:manage",
                "org:comments:read");
        JsonNode attributes = me.get("attributes");
        assertThat(attributes.get("region").asString()).isEqualTo("eu");
        assertThat(attributes.get("approvalLimit").isNumber()).isTrue();
        assertThat(attributes.get("approvalLimit").asInt()).isEqualTo(5000);
        assertThat(attributes.get("beta").isBoolean()).isTrue();
        assertThat(attributes.get("beta").asBoolean()).isTrue();
        assertThat(strings(attributes.get("teams"))).containsExactly("red", "blue");
        assertThat(me.get("claims").get("sid").asString()).isEqualTo("sess_1");
        assertThat(me.get("claims").get("exp").isNumber()).isTrue();
    }

    @Test
    void acceptsAClerkVersion2TokenWithAnOrganizationAndDecodesItsPermissions() {
        String token = clerk.token()
            .subject("user_2abc")
            .claim("azp", "https://app.example.com")
            .claim("v", 2)
            .claim("sts", "active")
            .claim("fea", "o:posts,o:comments,u:beta")
            .claim("o", Map.of("id", "org_42", "slg", "acme", "rol", "admin", "per", "read,manage", "fpm", "3,1"))
            .sign();

        JsonNode me = okPrincipal(token);

        assertThat(me.get("provider").asString()).isEqualTo("clerk");
        assertThat(me.get("orgId").asString()).isEqualTo("org_42");
        assertThat(me.get("orgRole").asString()).isEqualTo("admin");
        assertThat(strings(me.get("orgPermissions"))).containsExactlyInAnyOrder("org:posts:read", "org:posts:manage",
                "org:comments:read");
    }

    @Test
    void clerkVersion1AndVersion2TokensOfTheSameSessionGiveTheSamePrincipal() {
        JsonNode v1 = okPrincipal(clerk.token()
            .subject("user_same")
            .claim("org_id", "org_7")
            .claim("org_role", "org:member")
            .claim("org_permissions", List.of("org:invoices:read"))
            .sign());
        JsonNode v2 = okPrincipal(clerk.token()
            .subject("user_same")
            .claim("v", 2)
            .claim("fea", "o:invoices")
            .claim("o", Map.of("id", "org_7", "rol", "member", "per", "read,approve", "fpm", "1"))
            .sign());

        for (String field : List.of("id", "provider", "orgId", "orgRole", "orgPermissions", "roles", "email")) {
            assertThat(v2.get(field)).as(field).isEqualTo(v1.get(field));
        }
    }

    @Test
    void acceptsASupabaseEs256TokenAndTakesRolesFromRoleAndAppMetadataButNeverUserMetadata() {
        String subject = UUID.randomUUID().toString();
        String token = supabase.token()
            .subject(subject)
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .claim("email", "grace@example.com")
            .claim("app_metadata", Map.of("provider", "email", "roles", List.of("editor"), "tier", "gold"))
            .claim("user_metadata", Map.of("roles", List.of("admin")))
            .claim("session_id", "s-1")
            .sign();

        JsonNode me = okPrincipal(token);

        assertThat(me.get("id").asString()).isEqualTo(subject);
        assertThat(me.get("provider").asString()).isEqualTo("supabase");
        assertThat(me.get("email").asString()).isEqualTo("grace@example.com");
        assertThat(strings(me.get("roles"))).containsExactlyInAnyOrder("authenticated", "editor");
        assertThat(me.get("orgId").isNull()).isTrue();
        assertThat(me.get("attributes").get("tier").asString()).isEqualTo("gold");
        assertThat(me.get("attributes").get("region").isNull()).isTrue();
        assertThat(me.get("claims").get("user_metadata").get("roles").get(0).asString()).isEqualTo("admin");
    }

    @Test
    void acceptsASupabaseRs256Token() {
        String token = supabase.token()
            .subject("rsa-user")
            .claim("aud", List.of("authenticated"))
            .claim("role", "authenticated")
            .signedWith(supabaseRsaKey)
            .sign();

        JsonNode me = okPrincipal(token);

        assertThat(me.get("id").asString()).isEqualTo("rsa-user");
        assertThat(me.get("provider").asString()).isEqualTo("supabase");
    }

    @Test
    void acceptsALegacySupabaseHs256TokenWhenTheSecretIsConfigured() {
        String token = supabase.token()
            .subject("legacy-user")
            .claim("aud", "authenticated")
            .claim("role", "authenticated")
            .signedWithSecret(SUPABASE_SECRET.getBytes(StandardCharsets.UTF_8))
            .sign();

        JsonNode me = okPrincipal(token);

        assertThat(me.get("id").asString()).isEqualTo("legacy-user");
        assertThat(me.get("provider").asString()).isEqualTo("supabase");
        assertThat(strings(me.get("roles"))).containsExactly("authenticated");
    }

    @Test
    void acceptsAnOidcTokenForTheConfiguredAudience() {
        String token = oidc.token()
            .subject("oidc-user")
            .claim("aud", List.of("api://rowguard", "other"))
            .claim("email", "linus@example.com")
            .claim("roles", List.of("reader", "writer"))
            .sign();

        JsonNode me = okPrincipal(token);

        assertThat(me.get("id").asString()).isEqualTo("oidc-user");
        assertThat(me.get("provider").asString()).isEqualTo("oidc");
        assertThat(me.get("email").asString()).isEqualTo("linus@example.com");
        assertThat(strings(me.get("roles"))).containsExactly("reader", "writer");
        assertThat(strings(me.get("orgPermissions"))).isEmpty();
    }

    @Test
    void acceptsAnOidcAccessTokenTypedAtJwt() {
        String token = oidc.token().subject("oidc-user").claim("aud", "api://rowguard").type("at+jwt").sign();

        assertThat(okPrincipal(token).get("id").asString()).isEqualTo("oidc-user");
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkew() {
        // a 60-second Clerk token that expired two seconds ago, with the default 5 s skew
        Instant now = Instant.now();
        String token = clerk.token()
            .subject("user_late")
            .claim("iat", now.minusSeconds(62))
            .claim("nbf", now.minusSeconds(62))
            .expiresAt(now.minusSeconds(2))
            .sign();

        assertThat(okPrincipal(token).get("id").asString()).isEqualTo("user_late");
    }

    @Test
    void theVerifiedCallerIsAnAuthPrincipalInTheSecurityContext() {
        HttpResponse<String> response = app.get("/context", oidc.token("oidc-user", Map.of("aud", "api://rowguard")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).get("principalIsAuthPrincipal").asBoolean()).isTrue();
        assertThat(RunningApp.json(response).get("id").asString()).isEqualTo("oidc-user");
    }

    @Test
    void aRequestWithoutATokenProceedsAsAnonymous() {
        HttpResponse<String> response = app.me(null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).get("anonymous").asBoolean()).isTrue();
    }

    @Test
    void theSupabaseAnonKeyMeansAnonymous() {
        String anonKey = supabase.token()
            .claim("iss", "supabase")
            .claim("ref", "abcd")
            .claim("role", "anon")
            .claim("nbf", null)
            .expiresAt(Instant.now().plusSeconds(3600L * 24 * 365))
            .signedWithSecret(SUPABASE_SECRET.getBytes(StandardCharsets.UTF_8))
            .sign();

        HttpResponse<String> response = app.me(anonKey);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).get("anonymous").asBoolean()).isTrue();
    }

    private static JsonNode okPrincipal(String token) {
        HttpResponse<String> response = app.me(token);
        assertThat(response.statusCode()).as(response.headers().map() + " " + response.body()).isEqualTo(200);
        return RunningApp.json(response);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

}
