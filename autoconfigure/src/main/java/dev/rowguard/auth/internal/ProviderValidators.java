package dev.rowguard.auth.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/** The claim checks of each provider, composed from Spring Security's validators. */
public final class ProviderValidators {

    private ProviderValidators() {
    }

    /**
     * Issuer, {@code exp} required, {@code exp}/{@code nbf} within the skew, and
     * {@code typ}.
     */
    public static List<OAuth2TokenValidator<Jwt>> common(String issuer, Duration clockSkew, String... types) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setAllowEmptyExpiryClaim(false);
        JwtTypeValidator type = new JwtTypeValidator(types);
        type.setAllowEmpty(true);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtIssuerValidator(issuer));
        validators.add(timestamps);
        validators.add(type);
        return validators;
    }

    /** A non-blank {@code sub}: a token without one identifies nobody. */
    public static OAuth2TokenValidator<Jwt> subjectRequired() {
        return new ClaimValidator("sub", sub -> sub instanceof String value && !value.isBlank());
    }

    /**
     * Clerk's {@code azp}: absent is accepted; present, it must be listed (any, if
     * nothing is listed).
     */
    public static OAuth2TokenValidator<Jwt> authorizedParty(Collection<String> parties) {
        Set<String> permitted = Set.copyOf(parties);
        return new ClaimValidator("azp", azp -> azp == null || permitted.isEmpty() || permitted.contains(azp));
    }

    /** Clerk's session status: {@code pending} sessions still have a task to finish. */
    public static OAuth2TokenValidator<Jwt> sessionNotPending() {
        return new ClaimValidator("sts", sts -> !"pending".equals(sts));
    }

    /** The {@code aud} claim must contain one of these. */
    public static OAuth2TokenValidator<Jwt> audience(Collection<String> audiences) {
        Set<String> accepted = Set.copyOf(audiences);
        return new ClaimValidator("aud", aud -> {
            if (aud instanceof String single) {
                return accepted.contains(single);
            }
            return aud instanceof Collection<?> values && values.stream().anyMatch(accepted::contains);
        });
    }

    /**
     * Supabase's service-role key is a superuser credential for PostgREST, never a user
     * of this API.
     */
    public static OAuth2TokenValidator<Jwt> notServiceRole() {
        return new ClaimValidator("role", role -> !"service_role".equals(role));
    }

    /**
     * Supabase's legacy API keys: only the anon key is accepted (and means anonymous).
     */
    public static OAuth2TokenValidator<Jwt> anonRole() {
        return new ClaimValidator("role", "anon"::equals);
    }

    public static OAuth2TokenValidator<Jwt> all(List<OAuth2TokenValidator<Jwt>> validators) {
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

}
