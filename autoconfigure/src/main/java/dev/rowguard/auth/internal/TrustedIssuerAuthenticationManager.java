package dev.rowguard.auth.internal;

import java.time.Clock;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Verifies tokens of one {@link TrustedIssuer}: its keys, its algorithms, its validators,
 * its converter.
 */
public final class TrustedIssuerAuthenticationManager implements AuthenticationManager {

    /** How many verified tokens each issuer remembers. */
    static final int VERIFIED_TOKENS = 10_000;

    private final JwtAuthenticationProvider provider;

    public TrustedIssuerAuthenticationManager(TrustedIssuer issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new ProviderKeySelector(issuer.algorithms(), issuer.keys(), issuer.hs256Secret()));
        // typ and the time claims are judged by the Spring validators, with the
        // configured skew
        processor.setJWSTypeVerifier((type, context) -> {
        });
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(issuer.validator());
        this.provider = new JwtAuthenticationProvider(
                new VerifiedTokenCache(decoder, issuer.keys(), Clock.systemUTC(), VERIFIED_TOKENS));
        this.provider.setJwtAuthenticationConverter(issuer.converter());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        return provider.authenticate(authentication);
    }

}
