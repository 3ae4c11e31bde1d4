package dev.rowguard.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.rowguard.auth.RowguardJwtConfigurer;
import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RowguardSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RowguardSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

    @Test
    void withoutAProviderBlockTheChainStillAppliesTrustingNoIssuerAndSaysSo(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("rowguardSecurityFilterChain");
            assertThat(context).doesNotHaveBean(UserDetailsService.class);
            assertThat(context.getBean(RowguardJwtAuthentication.class).trustedIssuers()).isEmpty();
            assertThat(output)
                .contains("no identity provider is configured (rowguard.clerk, rowguard.supabase or rowguard.oidc)")
                .contains("RowguardDevServices");
        });
    }

    @Test
    void bootsOwnResourceServerOrLoginLeavesTheApplicationsSignInAlone() {
        runner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.com")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(RowguardJwtAuthentication.class);
                assertThat(context).doesNotHaveBean("rowguardSecurityFilterChain");
            });
        runner.withPropertyValues("spring.security.oauth2.client.registration.github.client-id=abc").run(context -> {
            assertThat(context).doesNotHaveBean(RowguardJwtAuthentication.class);
        });
    }

    @Test
    void anApplicationsOwnUserStoreOrBootsUserKeepsBootsDefaultSecurity() {
        runner.withPropertyValues("spring.security.user.name=admin").run(context -> {
            assertThat(context).doesNotHaveBean(RowguardJwtAuthentication.class);
            assertThat(context).hasSingleBean(UserDetailsService.class);
        });
        runner.withBean(UserDetailsService.class, () -> username -> {
            throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
        }).run(context -> {
            assertThat(context).doesNotHaveBean(RowguardJwtAuthentication.class);
            assertThat(context).doesNotHaveBean("rowguardSecurityFilterChain");
        });
    }

    @Test
    void aProviderBlockInstallsTheDefaultStatelessChainWithoutAGeneratedPassword() {
        runner.withPropertyValues("rowguard.oidc.issuer=https://login.example.com").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("rowguardSecurityFilterChain");
            assertThat(context).getBeans(SecurityFilterChain.class).hasSize(1);
            assertThat(context).doesNotHaveBean(UserDetailsService.class);
            assertThat(context.getBean(RowguardJwtAuthentication.class).trustedIssuers())
                .containsOnlyKeys("https://login.example.com");
        });
    }

    @Test
    void theDefaultChainStepsAsideWhenTheApplicationDeclaresItsOwn() {
        runner.withPropertyValues("rowguard.oidc.issuer=https://login.example.com")
            .withUserConfiguration(OwnChain.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean("rowguardSecurityFilterChain");
                assertThat(context).hasSingleBean(SecurityFilterChain.class);
                assertThat(context).hasSingleBean(RowguardJwtAuthentication.class);
            });
    }

    @Test
    void severalProvidersAreTrustedTogetherEachByItsOwnIssuer() {
        runner
            .withPropertyValues("rowguard.clerk.issuer=https://example.clerk.accounts.dev",
                    "rowguard.clerk.authorized-parties=https://app.example.com",
                    "rowguard.supabase.url=https://abcd.supabase.co/",
                    "rowguard.supabase.jwt-secret=a-legacy-supabase-jwt-secret-of-at-least-32-bytes",
                    "rowguard.oidc.issuer=https://login.example.com/")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(RowguardJwtAuthentication.class).trustedIssuers()).containsOnlyKeys(
                        "https://example.clerk.accounts.dev", "https://abcd.supabase.co/auth/v1", "supabase",
                        "https://login.example.com/");
            });
    }

    @Test
    void aTrustedIssuersCustomizerAddsIssuersBesideTheBlocksVerifiedAsTheirProviders() {
        runner
            .withPropertyValues("rowguard.clerk.issuer=https://example.clerk.accounts.dev",
                    "rowguard.clerk.authorized-parties=https://app.example.com")
            .withBean("staging", TrustedIssuersCustomizer.class, () -> issuers -> issuers.clerk(clerk -> {
                clerk.setIssuer("https://staging.clerk.accounts.dev/");
                clerk.setAuthorizedParties(java.util.List.of("https://staging.example.com"));
            }))
            .withBean("partner", TrustedIssuersCustomizer.class,
                    () -> issuers -> issuers.oidc(oidc -> oidc.setIssuer("https://login.partner.example")))
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(RowguardJwtAuthentication.class).trustedIssuers()).containsOnlyKeys(
                        "https://example.clerk.accounts.dev", "https://staging.clerk.accounts.dev",
                        "https://login.partner.example");
            });
    }

    @Test
    void aCustomizerTrustingAnIssuerAgainOrBadlyStopsStartUp() {
        runner.withPropertyValues("rowguard.oidc.issuer=https://login.example.com")
            .withBean(TrustedIssuersCustomizer.class,
                    () -> issuers -> issuers.oidc(oidc -> oidc.setIssuer("https://login.example.com")))
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("https://login.example.com is configured twice"));
        runner
            .withBean(TrustedIssuersCustomizer.class,
                    () -> issuers -> issuers.oidc(oidc -> oidc.setIssuer("http://login.example.com")))
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("rowguard.oidc.issuer")
                .hasMessageContaining("https"));
    }

    @Test
    void aUserStoreDeclaredInTheApplicationsConfigurationKeepsBootsDefaultSecurity() {
        runner.withUserConfiguration(OwnUserStore.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RowguardJwtAuthentication.class);
            assertThat(context).doesNotHaveBean("rowguardSecurityFilterChain");
        });
    }

    @Test
    void theClerkIssuerIsDerivedFromThePublishableKey() {
        String key = "pk_test_" + Base64.getEncoder()
            .encodeToString("clean-sloth-42.clerk.accounts.dev$".getBytes(StandardCharsets.UTF_8));
        runner
            .withPropertyValues("rowguard.clerk.publishable-key=" + key,
                    "rowguard.clerk.authorized-parties=https://app.example.com")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(RowguardJwtAuthentication.class).trustedIssuers())
                    .containsOnlyKeys("https://clean-sloth-42.clerk.accounts.dev");
            });
    }

    @Test
    void nothingIsFetchedFromTheProviderAtStartUp() {
        try (LocalTokenIssuer issuer = LocalTokenIssuer.start()) {
            runner
                .withPropertyValues("rowguard.oidc.issuer=" + issuer.issuer(),
                        "rowguard.clerk.issuer=" + issuer.issuer() + "/clerk")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(issuer.jwksFetches()).isZero();
                });
        }
    }

    @Test
    void clerkWithoutAuthorizedPartiesLogsAWarning(CapturedOutput output) {
        runner.withPropertyValues("rowguard.clerk.issuer=https://example.clerk.accounts.dev").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("WARN").contains("rowguard.clerk.authorized-parties is empty");
        });
    }

    @Test
    void clerkWithAuthorizedPartiesLogsNoWarning(CapturedOutput output) {
        runner
            .withPropertyValues("rowguard.clerk.issuer=https://example.clerk.accounts.dev",
                    "rowguard.clerk.authorized-parties=https://app.example.com")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(output).doesNotContain("rowguard.clerk.authorized-parties is empty");
            });
    }

    @Test
    void aNonHttpsIssuerStopsStartUp() {
        assertStartUpFails("rowguard.oidc.issuer", "must use https", "rowguard.oidc.issuer=http://login.example.com");
        assertStartUpFails("rowguard.clerk.issuer", "must use https",
                "rowguard.clerk.issuer=http://example.clerk.accounts.dev");
        assertStartUpFails("rowguard.supabase.url", "must use https", "rowguard.supabase.url=http://abcd.supabase.co");
        assertStartUpFails("rowguard.oidc.jwk-set-uri", "must use https",
                "rowguard.oidc.issuer=https://login.example.com",
                "rowguard.oidc.jwk-set-uri=http://keys.example.com/jwks");
        assertStartUpFails("rowguard.oidc.issuer", "absolute https URL", "rowguard.oidc.issuer=login.example.com");
    }

    @Test
    void httpIsAllowedForLocalhostAndLoopback() {
        runner
            .withPropertyValues("rowguard.oidc.issuer=http://localhost:8081",
                    "rowguard.supabase.url=http://127.0.0.1:54321")
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anUnknownAlgorithmStopsStartUp() {
        assertStartUpFails("rowguard.supabase.jws-algorithms", "Unknown or unsupported JWS algorithm",
                "rowguard.supabase.url=https://abcd.supabase.co", "rowguard.supabase.jws-algorithms=ES256,RS257");
        assertStartUpFails("rowguard.oidc.jws-algorithms", "Unknown or unsupported JWS algorithm",
                "rowguard.oidc.issuer=https://login.example.com", "rowguard.oidc.jws-algorithms=none");
        assertStartUpFails("rowguard.oidc.jws-algorithms", "shared secret",
                "rowguard.oidc.issuer=https://login.example.com", "rowguard.oidc.jws-algorithms=HS256");
    }

    @Test
    void aSupabaseUrlAndIssuerThatDisagreeStopStartUp() {
        assertStartUpFails("rowguard.supabase.issuer", "disagrees with rowguard.supabase.url",
                "rowguard.supabase.url=https://abcd.supabase.co",
                "rowguard.supabase.issuer=https://efgh.supabase.co/auth/v1");
    }

    @Test
    void aMalformedPublishableKeyStopsStartUp() {
        assertStartUpFails("rowguard.clerk.publishable-key", "Malformed publishable key",
                "rowguard.clerk.publishable-key=sk_test_abc");
        assertStartUpFails("rowguard.clerk.publishable-key", "Malformed publishable key",
                "rowguard.clerk.publishable-key=pk_test_***");
        assertStartUpFails("rowguard.clerk.publishable-key", "Malformed publishable key",
                "rowguard.clerk.publishable-key=pk_live_"
                        + Base64.getEncoder().encodeToString("clerk.example.com".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPublishableKeyAndIssuerThatDisagreeStopStartUp() {
        String key = "pk_live_"
                + Base64.getEncoder().encodeToString("clerk.example.com$".getBytes(StandardCharsets.UTF_8));
        assertStartUpFails("rowguard.clerk.issuer", "does not match rowguard.clerk.publishable-key",
                "rowguard.clerk.publishable-key=" + key, "rowguard.clerk.issuer=https://clerk.other.com");
    }

    @Test
    void aProviderBlockWithoutItsIssuerStopsStartUp() {
        assertStartUpFails("rowguard.clerk.issuer", "publishable-key",
                "rowguard.clerk.authorized-parties=https://app.example.com");
        assertStartUpFails("rowguard.supabase.url", "or rowguard.supabase.issuer",
                "rowguard.supabase.audiences=authenticated");
        assertStartUpFails("rowguard.oidc.issuer", "A value is required", "rowguard.oidc.audiences=api");
    }

    @Test
    void aShortSupabaseSecretStopsStartUpWithoutEchoingIt() {
        runner
            .withPropertyValues("rowguard.supabase.url=https://abcd.supabase.co",
                    "rowguard.supabase.jwt-secret=tooShort")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("rowguard.supabase.jwt-secret")
                    .hasMessageNotContaining("tooShort");
            });
    }

    private void assertStartUpFails(String property, String reason, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("Property " + property + " with value")
                .hasMessageContaining(reason);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnUserStore {

        @Bean
        UserDetailsService users() {
            return username -> {
                throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
            };
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityFilterChain api(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .with(RowguardJwtConfigurer.rowguardJwt(), Customizer.withDefaults())
                .build();
        }

    }

}
