package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.core.GrantedAuthorityDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token Rowguard verified carries the authorities Spring Security's own resource server
 * gives the same token ({@code SCOPE_}, {@code FACTOR_BEARER}) plus its roles with the
 * application's role prefix, so method security works on it as on any Spring token.
 */
class SpringAuthoritiesTest {

    static LocalTokenIssuer clerk;
    static RunningApp app;

    @BeforeAll
    static void start() {
        clerk = LocalTokenIssuer.start();
        app = RunningApp
            .start(Map.of("rowguard.clerk.issuer", clerk.issuer(), "rowguard.clerk.roles-claim", "metadata.roles"));
    }

    @AfterAll
    static void stop() {
        app.close();
        clerk.close();
    }

    @Test
    void aVerifiedTokenHasSpringsScopeAndFactorAuthoritiesAndItsRoles() {
        String token = clerk.token("alice",
                Map.of("scope", "notes:write notes:read", "metadata", Map.of("roles", List.of("admin"))));
        HttpResponse<String> response = app.get("/authorities", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).valueStream().map(node -> node.asString()).toList())
            .contains("SCOPE_notes:write", "SCOPE_notes:read", "FACTOR_BEARER", "ROLE_admin");
    }

    @Test
    void preAuthorizeWithAScopeOrARoleDecidesOnAVerifiedToken() {
        String writer = clerk.token("alice", Map.of("scope", "notes:write"));
        String reader = clerk.token("bob",
                Map.of("scope", "notes:read", "metadata", Map.of("roles", List.of("admin"))));
        assertThat(app.get("/notes", writer).statusCode()).isEqualTo(200);
        assertThat(app.get("/notes", reader).statusCode()).isEqualTo(403);
        assertThat(app.get("/admin", reader).statusCode()).isEqualTo(200);
        assertThat(app.get("/admin", writer).statusCode()).isEqualTo(403);
    }

    @Test
    void theApplicationsRolePrefixIsUsed() {
        try (RunningApp prefixed = RunningApp.start(
                Map.of("rowguard.clerk.issuer", clerk.issuer(), "rowguard.clerk.roles-claim", "metadata.roles"),
                IdentityTestApplication.class, RolePrefixConfiguration.class)) {
            String token = clerk.token("alice", Map.of("metadata", Map.of("roles", List.of("admin"))));
            assertThat(RunningApp.json(prefixed.get("/authorities", token))
                .valueStream()
                .map(node -> node.asString())
                .toList()).contains("GROUP_admin").doesNotContain("ROLE_admin");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RolePrefixConfiguration {

        @Bean
        static GrantedAuthorityDefaults grantedAuthorityDefaults() {
            return new GrantedAuthorityDefaults("GROUP_");
        }

    }

}
