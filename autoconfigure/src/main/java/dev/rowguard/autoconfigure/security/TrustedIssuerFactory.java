package dev.rowguard.autoconfigure.security;

import org.jspecify.annotations.Nullable;
import java.net.URI;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.rowguard.auth.AuthPrincipalCustomizer;
import dev.rowguard.auth.internal.AnonymousApiKeyConverter;
import dev.rowguard.auth.internal.AttributeClaimsMapper;
import dev.rowguard.auth.internal.AuthPrincipalConverter;
import dev.rowguard.auth.internal.ClerkOrganizationMapper;
import dev.rowguard.auth.internal.DiscoveredJwkSetLocation;
import dev.rowguard.auth.internal.JwkSetCache;
import dev.rowguard.auth.internal.JwkSetLocation;
import dev.rowguard.auth.internal.PrincipalClaimMapper;
import dev.rowguard.auth.internal.ProviderValidators;
import dev.rowguard.auth.internal.RoleClaimsMapper;
import dev.rowguard.auth.internal.RowguardAuthenticationConverter;
import dev.rowguard.auth.internal.StandardClaimsMapper;
import dev.rowguard.auth.internal.TrustedIssuer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns the provider blocks into {@link TrustedIssuer}s, checking them; nothing is
 * fetched here.
 */
final class TrustedIssuerFactory {

    private static final Log logger = LogFactory.getLog(RowguardSecurityAutoConfiguration.class);

    /** Supabase's legacy anon and service-role keys carry this issuer. */
    static final String SUPABASE_API_KEY_ISSUER = "supabase";

    private final RowguardAuthProperties auth;

    private final ResourceRetriever retriever;

    private final Clock clock;

    private final List<AuthPrincipalCustomizer> customizers;

    private final List<OAuth2TokenValidator<Jwt>> extraValidators;

    private final String rolePrefix;

    TrustedIssuerFactory(RowguardAuthProperties auth, ResourceRetriever retriever, Clock clock,
            List<AuthPrincipalCustomizer> customizers, List<OAuth2TokenValidator<Jwt>> extraValidators,
            String rolePrefix) {
        this.rolePrefix = rolePrefix;
        this.auth = auth;
        this.retriever = retriever;
        this.clock = clock;
        this.customizers = customizers;
        this.extraValidators = extraValidators;
    }

    List<TrustedIssuer> clerk(ClerkProperties clerk) {
        String issuer = clerkIssuer(clerk);
        String jwkSetUri = clerk.getJwkSetUri() != null
                ? ConfigurationChecks.secureUrl("rowguard.clerk.jwk-set-uri", clerk.getJwkSetUri())
                : issuer + "/.well-known/jwks.json";
        if (clerk.getAuthorizedParties().isEmpty()) {
            logger.warn("rowguard.clerk.authorized-parties is empty: Clerk tokens are accepted whatever origin "
                    + "requested them (azp). List your application's origins there.");
        }
        List<OAuth2TokenValidator<Jwt>> validators = ProviderValidators.common(issuer, auth.getClockSkew(), "JWT");
        validators.add(ProviderValidators.subjectRequired());
        validators.add(ProviderValidators.authorizedParty(clerk.getAuthorizedParties()));
        if (!clerk.isAcceptPendingSessions()) {
            validators.add(ProviderValidators.sessionNotPending());
        }
        List<PrincipalClaimMapper> mappers = mappers(new ClerkOrganizationMapper(),
                new RoleClaimsMapper(nonNull(clerk.getRolesClaim())));
        return List.of(new TrustedIssuer("clerk", issuer, keys(fixed("rowguard.clerk.jwk-set-uri", jwkSetUri)),
                Set.of(JWSAlgorithm.RS256), null, validator(validators), userConverter("clerk", mappers)));
    }

    List<TrustedIssuer> supabase(SupabaseProperties supabase) {
        String issuer = supabaseIssuer(supabase);
        Set<JWSAlgorithm> algorithms = ConfigurationChecks.asymmetricAlgorithms("rowguard.supabase.jws-algorithms",
                supabase.getJwsAlgorithms());
        String jwkSetUri = supabase.getJwkSetUri() != null
                ? ConfigurationChecks.secureUrl("rowguard.supabase.jwk-set-uri", supabase.getJwkSetUri())
                : issuer + "/.well-known/jwks.json";
        if (supabase.getAudiences() == null || supabase.getAudiences().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("rowguard.supabase.audiences", supabase.getAudiences(),
                    "At least one audience is required (Supabase uses 'authenticated').");
        }
        SecretKey secret = supabase.getJwtSecret() == null ? null : hs256Secret(supabase.getJwtSecret());
        List<OAuth2TokenValidator<Jwt>> validators = ProviderValidators.common(issuer, auth.getClockSkew(), "JWT");
        validators.add(ProviderValidators.subjectRequired());
        validators.add(ProviderValidators.audience(supabase.getAudiences()));
        validators.add(ProviderValidators.notServiceRole());
        List<PrincipalClaimMapper> mappers = mappers(new RoleClaimsMapper(roles("role", supabase.getRolesClaim())));
        List<TrustedIssuer> issuers = new ArrayList<>();
        issuers.add(new TrustedIssuer("supabase", issuer, keys(fixed("rowguard.supabase.jwk-set-uri", jwkSetUri)),
                algorithms, secret, validator(validators), userConverter("supabase", mappers)));
        if (secret != null) {
            List<OAuth2TokenValidator<Jwt>> apiKey = ProviderValidators.common(SUPABASE_API_KEY_ISSUER,
                    auth.getClockSkew(), "JWT");
            apiKey.add(ProviderValidators.anonRole());
            issuers.add(new TrustedIssuer("supabase", SUPABASE_API_KEY_ISSUER, null, Set.of(), secret,
                    validator(apiKey), new AnonymousApiKeyConverter()));
        }
        return issuers;
    }

    List<TrustedIssuer> oidc(OidcProperties oidc) {
        String issuer = ConfigurationChecks.secureUrl("rowguard.oidc.issuer", oidc.getIssuer());
        Set<JWSAlgorithm> algorithms = ConfigurationChecks.asymmetricAlgorithms("rowguard.oidc.jws-algorithms",
                oidc.getJwsAlgorithms());
        JwkSetLocation location = oidc.getJwkSetUri() != null
                ? fixed("rowguard.oidc.jwk-set-uri",
                        ConfigurationChecks.secureUrl("rowguard.oidc.jwk-set-uri", oidc.getJwkSetUri()))
                : new DiscoveredJwkSetLocation(issuer, retriever);
        List<OAuth2TokenValidator<Jwt>> validators = ProviderValidators.common(issuer, auth.getClockSkew(), "JWT",
                "at+jwt", "application/at+jwt");
        validators.add(ProviderValidators.subjectRequired());
        if (oidc.getAudiences() != null && !oidc.getAudiences().isEmpty()) {
            validators.add(ProviderValidators.audience(oidc.getAudiences()));
        }
        List<PrincipalClaimMapper> mappers = mappers(new RoleClaimsMapper(nonNull(oidc.getRolesClaim())));
        return List.of(new TrustedIssuer("oidc", issuer, keys(location), algorithms, null, validator(validators),
                userConverter("oidc", mappers)));
    }

    private static String clerkIssuer(ClerkProperties clerk) {
        String configured = clerk.getIssuer() == null ? null : ConfigurationChecks
            .withoutTrailingSlash(ConfigurationChecks.secureUrl("rowguard.clerk.issuer", clerk.getIssuer()));
        if (clerk.getPublishableKey() == null) {
            if (configured == null) {
                throw new InvalidConfigurationPropertyValueException("rowguard.clerk.issuer", null,
                        "Set rowguard.clerk.issuer (the Frontend API URL) or rowguard.clerk.publishable-key.");
            }
            return configured;
        }
        String derived = ClerkPublishableKey.issuer(clerk.getPublishableKey());
        if (configured != null && !configured.equals(derived)) {
            throw new InvalidConfigurationPropertyValueException("rowguard.clerk.issuer", clerk.getIssuer(),
                    "It does not match rowguard.clerk.publishable-key, which encodes " + derived + ".");
        }
        return derived;
    }

    private static String supabaseIssuer(SupabaseProperties supabase) {
        String derived = supabase.getUrl() == null ? null : ConfigurationChecks.withoutTrailingSlash(
                ConfigurationChecks.secureUrl("rowguard.supabase.url", supabase.getUrl())) + "/auth/v1";
        String configured = supabase.getIssuer() == null ? null : ConfigurationChecks
            .withoutTrailingSlash(ConfigurationChecks.secureUrl("rowguard.supabase.issuer", supabase.getIssuer()));
        if (derived == null && configured == null) {
            throw new InvalidConfigurationPropertyValueException("rowguard.supabase.url", null,
                    "Set rowguard.supabase.url (e.g. https://abcd.supabase.co) or rowguard.supabase.issuer.");
        }
        if (derived != null && configured != null && !derived.equals(configured)) {
            throw new InvalidConfigurationPropertyValueException("rowguard.supabase.issuer", supabase.getIssuer(),
                    "It disagrees with rowguard.supabase.url, whose issuer is " + derived + ".");
        }
        return (configured != null) ? configured : Objects.requireNonNull(derived);
    }

    private static SecretKey hs256Secret(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            // never echo the secret itself
            throw new InvalidConfigurationPropertyValueException("rowguard.supabase.jwt-secret", "******",
                    "An HS256 secret must be at least 32 bytes long.");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private JwkSetCache keys(JwkSetLocation location) {
        RowguardAuthProperties.Jwks jwks = auth.getJwks();
        return new JwkSetCache(location, retriever, jwks.getCacheTtl(), jwks.getRefetchInterval(),
                jwks.getOutageTolerance(), clock);
    }

    private static JwkSetLocation fixed(String property, String uri) {
        try {
            java.net.URL url = URI.create(uri).toURL();
            return new JwkSetLocation() {
                @Override
                public java.net.URL resolve() {
                    return url;
                }

                @Override
                public String describe() {
                    return url.toString();
                }
            };
        }
        catch (IllegalArgumentException | MalformedURLException ex) {
            throw new InvalidConfigurationPropertyValueException(property, uri, "It is not a valid URL.");
        }
    }

    private OAuth2TokenValidator<Jwt> validator(List<OAuth2TokenValidator<Jwt>> validators) {
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>(validators);
        all.addAll(extraValidators);
        return ProviderValidators.all(all);
    }

    private List<PrincipalClaimMapper> mappers(PrincipalClaimMapper... specific) {
        List<PrincipalClaimMapper> mappers = new ArrayList<>();
        mappers.add(new StandardClaimsMapper());
        mappers.addAll(List.of(specific));
        mappers.add(new AttributeClaimsMapper(auth.getAttributes()));
        return mappers;
    }

    private RowguardAuthenticationConverter userConverter(String provider, List<PrincipalClaimMapper> mappers) {
        return new RowguardAuthenticationConverter(new AuthPrincipalConverter(provider, mappers, customizers),
                rolePrefix);
    }

    private static List<String> nonNull(@Nullable String path) {
        return path == null ? List.of() : List.of(path);
    }

    private static List<String> roles(String first, @Nullable String second) {
        List<String> paths = new ArrayList<>(List.of(first));
        paths.addAll(nonNull(second));
        return paths;
    }

}
