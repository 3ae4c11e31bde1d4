package dev.rowguard.auth.internal;

import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.auth.AuthPrincipalCustomizer;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified token to an {@link AuthPrincipal}: the subject, the provider, then each
 * mapper in turn.
 */
public final class AuthPrincipalConverter implements Converter<Jwt, AuthPrincipal> {

    private final String provider;

    private final List<PrincipalClaimMapper> mappers;

    private final List<AuthPrincipalCustomizer> customizers;

    public AuthPrincipalConverter(String provider, List<PrincipalClaimMapper> mappers,
            List<AuthPrincipalCustomizer> customizers) {
        this.provider = provider;
        this.mappers = List.copyOf(mappers);
        this.customizers = List.copyOf(customizers);
    }

    @Override
    public AuthPrincipal convert(Jwt jwt) {
        Map<String, Object> claims = RawClaims.of(jwt);
        if (!(claims.get("sub") instanceof String subject) || subject.isBlank()) {
            // the validators already demand a subject; this keeps the converter safe on
            // its own
            throw new BadJwtException("The token has no subject");
        }
        AuthPrincipal.Builder principal = AuthPrincipal.builder(subject).provider(provider).claims(claims);
        for (PrincipalClaimMapper mapper : mappers) {
            mapper.map(claims, principal);
        }
        for (AuthPrincipalCustomizer customizer : customizers) {
            customizer.customize(jwt, principal);
        }
        return principal.build();
    }

}
