package dev.rowguard.auth.internal;

import java.util.Set;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * One issuer the application trusts, with everything needed to verify its tokens.
 *
 * @param provider {@code clerk}, {@code supabase} or {@code oidc}
 * @param issuer the exact {@code iss} value
 * @param keys where its public keys come from, or null when it signs only with a shared
 * secret
 * @param algorithms the asymmetric algorithms accepted from the JWKS
 * @param hs256Secret the shared HS256 secret, or null (then HS256 is never accepted)
 * @param validator the claim checks after the signature
 * @param converter the verified token to an authentication
 */
public record TrustedIssuer(String provider, String issuer, @Nullable JwkSetCache keys, Set<JWSAlgorithm> algorithms,
        @Nullable SecretKey hs256Secret, OAuth2TokenValidator<Jwt> validator,
        Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {

    public TrustedIssuer {
        algorithms = Set.copyOf(algorithms);
    }
}
