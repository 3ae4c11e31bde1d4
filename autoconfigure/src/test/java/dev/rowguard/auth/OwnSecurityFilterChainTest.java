package dev.rowguard.auth;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** An application with its own chain applies Rowguard's JWT handling in one line. */
class OwnSecurityFilterChainTest {

    static LocalTokenIssuer issuer;
    static RunningApp app;

    @BeforeAll
    static void start() {
        issuer = LocalTokenIssuer.start();
        app = RunningApp.start(Map.of("rowguard.oidc.issuer", issuer.issuer()), IdentityTestApplication.class,
                OwnChain.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        issuer.close();
    }

    @Test
    void theApplicationsChainIsTheOnlyOne() {
        assertThat(app.context().getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("api");
    }

    @Test
    void aValidTokenBecomesTheAuthPrincipalInTheSecurityContext() {
        HttpResponse<String> response = app.get("/context", issuer.token("oidc-user", Map.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).get("principalIsAuthPrincipal").asBoolean()).isTrue();
        assertThat(RunningApp.json(response).get("id").asString()).isEqualTo("oidc-user");
    }

    @Test
    void theApplicationsRulesApplyToRequestsWithoutAToken() {
        HttpResponse<String> response = app.me(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void aBadTokenIsRejectedAsInTheDefaultChain() {
        HttpResponse<String> response = app.me(issuer.token().subject("u1").claim("iss", "https://elsewhere").sign());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
    }

    @Test
    void principalCustomizerBeansAdjustThePrincipal() {
        HttpResponse<String> response = app.me(issuer.token("oidc-user", Map.of("tid", "tenant-9")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).get("attributes").get("tenant").asString()).isEqualTo("tenant-9");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        AuthPrincipalCustomizer tenantFromTid() {
            return (jwt, principal) -> principal.attribute("tenant", jwt.getClaimAsString("tid"));
        }

        @Bean
        SecurityFilterChain api(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .with(RowguardJwtConfigurer.rowguardJwt(), Customizer.withDefaults())
                .build();
        }

    }

}
