package dev.rowguard.auth;

import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;

/**
 * Plugs Rowguard's JWT handling (the configured providers, each issuer trusted
 * explicitly, tokens mapped to {@link AuthPrincipal}, 401 for a bad token and 503 when
 * keys are unreachable) into an application's own {@code SecurityFilterChain}:
 *
 * <pre>{@code
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) {
 *     return http
 *         .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
 *         .with(RowguardJwtConfigurer.rowguardJwt(), Customizer.withDefaults())
 *         .build();
 * }
 * }</pre>
 *
 * It configures {@code oauth2ResourceServer} only: sessions, CSRF and authorization rules
 * stay the application's (bearer-token requests are exempt from CSRF by Spring Security
 * already). It needs at least one {@code rowguard.clerk}, {@code rowguard.supabase} or
 * {@code rowguard.oidc} block.
 */
public final class RowguardJwtConfigurer extends AbstractHttpConfigurer<RowguardJwtConfigurer, HttpSecurity> {

    private RowguardJwtConfigurer() {
    }

    public static RowguardJwtConfigurer rowguardJwt() {
        return new RowguardJwtConfigurer();
    }

    @Override
    public void init(HttpSecurity http) {
        RowguardJwtAuthentication jwt = http.getSharedObject(ApplicationContext.class)
            .getBeanProvider(RowguardJwtAuthentication.class)
            .getIfAvailable(() -> {
                throw new IllegalStateException("Rowguard's JWT handling needs an identity provider: configure "
                        + "rowguard.clerk, rowguard.supabase or rowguard.oidc");
            });
        http.oauth2ResourceServer(server -> server.authenticationManagerResolver(jwt.authenticationManagerResolver())
            .authenticationEntryPoint(jwt.authenticationEntryPoint()));
    }

}
