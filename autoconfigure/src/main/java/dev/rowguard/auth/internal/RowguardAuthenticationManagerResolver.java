package dev.rowguard.auth.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Routes each bearer token to the one issuer it names, among those configured (any other
 * issuer is rejected before a key is fetched). Tokens larger than the limit are rejected
 * unparsed, and a failure to reach the keys becomes
 * {@link IdentityProviderUnavailableException}.
 */
public final class RowguardAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

    private final Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();

    private final JwtIssuerAuthenticationManagerResolver byIssuer;

    private final int maxTokenLength;

    private final Duration retryAfter;

    public RowguardAuthenticationManagerResolver(List<TrustedIssuer> trusted, int maxTokenLength, Duration retryAfter) {
        Map<String, AuthenticationManager> managers = new LinkedHashMap<>();
        for (TrustedIssuer issuer : trusted) {
            if (issuers.putIfAbsent(issuer.issuer(), issuer) != null) {
                throw new IllegalArgumentException("Issuer " + issuer.issuer() + " is configured twice");
            }
            managers.put(issuer.issuer(), new TrustedIssuerAuthenticationManager(issuer));
        }
        this.byIssuer = new JwtIssuerAuthenticationManagerResolver(byIssuer(managers));
        this.maxTokenLength = maxTokenLength;
        this.retryAfter = retryAfter;
    }

    // null for an issuer not configured: Spring Security rejects it ("Invalid issuer"),
    // though AuthenticationManagerResolver.resolve is declared non-null
    @SuppressWarnings("NullAway")
    private static AuthenticationManagerResolver<String> byIssuer(Map<String, AuthenticationManager> managers) {
        return managers::get;
    }

    /** The issuers trusted, by {@code iss} value. */
    public Map<String, TrustedIssuer> trustedIssuers() {
        return Map.copyOf(issuers);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        AuthenticationManager delegate = byIssuer.resolve(request);
        return authentication -> authenticate(delegate, authentication);
    }

    private Authentication authenticate(AuthenticationManager delegate, Authentication authentication) {
        if (authentication instanceof BearerTokenAuthenticationToken bearer
                && bearer.getToken().length() > maxTokenLength) {
            throw new InvalidBearerTokenException("The token is larger than " + maxTokenLength + " characters");
        }
        try {
            return delegate.authenticate(authentication);
        }
        catch (AuthenticationServiceException ex) {
            throw new IdentityProviderUnavailableException("The token cannot be verified right now", ex, retryAfter);
        }
    }

}
