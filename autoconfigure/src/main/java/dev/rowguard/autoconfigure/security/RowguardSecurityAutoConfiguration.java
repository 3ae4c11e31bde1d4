package dev.rowguard.autoconfigure.security;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.rowguard.auth.AuthPrincipalCustomizer;
import dev.rowguard.auth.RowguardJwtConfigurer;
import dev.rowguard.auth.internal.RowguardAuthenticationEntryPoint;
import dev.rowguard.auth.internal.RowguardAuthenticationManagerResolver;
import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.auth.internal.TrustedIssuer;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultServletWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Verifies bearer tokens of the configured identity providers ({@code rowguard.clerk},
 * {@code rowguard.supabase}, {@code rowguard.oidc}, each issuer trusted explicitly) and
 * makes the caller an {@link dev.rowguard.auth.AuthPrincipal}. Unless the application
 * declares its own {@link SecurityFilterChain}, it also sets up a stateless chain in
 * which anonymous requests pass (the policies decide) and a bad token is a 401; an
 * application chain can apply the same handling with
 * {@link RowguardJwtConfigurer#rowguardJwt()}. {@link TrustedIssuersCustomizer} beans may
 * trust further issuers. Nothing is fetched from a provider at start-up. With no provider
 * block (and neither Spring Boot's own resource server nor OAuth2 login configured) the
 * same chain applies with no issuer trusted: every request runs as an anonymous caller,
 * every bearer token is a 401, and start-up says so in one warning.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class },
        beforeName = {
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, BearerTokenAuthenticationFilter.class,
        NimbusJwtDecoder.class })
@Conditional(OnIdentityProviderCondition.class)
@EnableConfigurationProperties({ ClerkProperties.class, SupabaseProperties.class, OidcProperties.class,
        RowguardAuthProperties.class })
public final class RowguardSecurityAutoConfiguration {

    private static final Log logger = LogFactory.getLog(RowguardSecurityAutoConfiguration.class);

    /** The JWKS and discovery responses are small; anything larger is refused. */
    private static final int MAX_KEY_DOCUMENT_BYTES = 256 * 1024;

    @Bean
    @ConditionalOnMissingBean
    RowguardJwtAuthentication rowguardJwtAuthentication(Environment environment, RowguardAuthProperties auth,
            ClerkProperties clerk, SupabaseProperties supabase, OidcProperties oidc,
            ObjectProvider<AuthPrincipalCustomizer> customizers, ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
            ObjectProvider<GrantedAuthorityDefaults> authorityDefaults,
            ObjectProvider<TrustedIssuersCustomizer> issuerCustomizers) {
        RowguardAuthProperties.Jwks jwks = auth.getJwks();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) jwks.getConnectTimeout().toMillis(),
                (int) jwks.getReadTimeout().toMillis(), MAX_KEY_DOCUMENT_BYTES);
        TrustedIssuerFactory factory = new TrustedIssuerFactory(auth, retriever, Clock.systemUTC(),
                customizers.orderedStream().toList(), validators.orderedStream().toList(),
                RolePrefix.of(authorityDefaults));
        TrustedIssuers trusted = new TrustedIssuers(factory);
        if (ProviderBlocks.present(environment, ProviderBlocks.CLERK)) {
            trusted.addAll(factory.clerk(clerk));
        }
        if (ProviderBlocks.present(environment, ProviderBlocks.SUPABASE)) {
            trusted.addAll(factory.supabase(supabase));
        }
        if (ProviderBlocks.present(environment, ProviderBlocks.OIDC)) {
            trusted.addAll(factory.oidc(oidc));
        }
        issuerCustomizers.orderedStream().forEach(customizer -> customizer.customize(trusted));
        List<TrustedIssuer> issuers = trusted.all();
        if (issuers.isEmpty()) {
            logger.warn("Rowguard: no identity provider is configured (rowguard.clerk, rowguard.supabase or"
                    + " rowguard.oidc), so every request runs as an anonymous caller and the policies decide;"
                    + " a bearer token is refused with 401, no issuer being trusted. Configure a provider block;"
                    + " for development and tests, Rowguard's dev services (RowguardDevServices, in"
                    + " rowguard-spring-boot-starter-test) bring a local issuer this application trusts.");
        }
        RowguardAuthenticationManagerResolver resolver = new RowguardAuthenticationManagerResolver(issuers,
                (int) auth.getMaxTokenSize().toBytes(), jwks.getRefetchInterval());
        return new RowguardJwtAuthentication(resolver, new RowguardAuthenticationEntryPoint());
    }

    /**
     * Exposed as a bean so that Boot does not also set up a user store with a generated
     * password.
     */
    @Bean
    @ConditionalOnMissingBean(AuthenticationManagerResolver.class)
    AuthenticationManagerResolver<HttpServletRequest> rowguardAuthenticationManagerResolver(
            RowguardJwtAuthentication authentication) {
        return authentication.authenticationManagerResolver();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnDefaultServletWebSecurity
    static class DefaultSecurityFilterChainConfiguration {

        @Bean
        SecurityFilterChain rowguardSecurityFilterChain(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .with(RowguardJwtConfigurer.rowguardJwt(), Customizer.withDefaults())
                .build();
        }

    }

}
