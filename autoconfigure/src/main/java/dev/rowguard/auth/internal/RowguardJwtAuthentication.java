package dev.rowguard.auth.internal;

import java.util.Map;

import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The JWT handling Rowguard configured from {@code rowguard.clerk|supabase|oidc}: what
 * {@link dev.rowguard.auth.RowguardJwtConfigurer} plugs into a filter chain.
 */
public final class RowguardJwtAuthentication {

    private final RowguardAuthenticationManagerResolver authenticationManagerResolver;

    private final AuthenticationEntryPoint authenticationEntryPoint;

    public RowguardJwtAuthentication(RowguardAuthenticationManagerResolver authenticationManagerResolver,
            AuthenticationEntryPoint authenticationEntryPoint) {
        this.authenticationManagerResolver = authenticationManagerResolver;
        this.authenticationEntryPoint = authenticationEntryPoint;
    }

    public RowguardAuthenticationManagerResolver authenticationManagerResolver() {
        return authenticationManagerResolver;
    }

    public AuthenticationEntryPoint authenticationEntryPoint() {
        return authenticationEntryPoint;
    }

    /**
     * Tells the listener the reason of every refused token, if the entry point is
     * Rowguard's.
     */
    public void onTokenRejected(java.util.function.Consumer<String> listener) {
        if (authenticationEntryPoint instanceof RowguardAuthenticationEntryPoint rowguard) {
            rowguard.addRejectionListener(listener);
        }
    }

    public Map<String, TrustedIssuer> trustedIssuers() {
        return authenticationManagerResolver.trustedIssuers();
    }

}
