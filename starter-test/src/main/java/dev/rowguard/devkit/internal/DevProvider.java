package dev.rowguard.devkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.rowguard.autoconfigure.security.ClerkProperties;
import dev.rowguard.autoconfigure.security.OidcProperties;
import dev.rowguard.autoconfigure.security.SupabaseProperties;
import dev.rowguard.autoconfigure.security.TrustedIssuers;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The identity provider the local issuer plays: where it publishes its keys, how it
 * signs, the claims it puts in every token, and how the application is told to trust it.
 * The issuer follows the application's own block for that provider where it matters to
 * the rules (the roles claim, the audiences), so dev tokens map to the same
 * {@code auth()}.
 */
public enum DevProvider {

    CLERK("Clerk", "", "RS256") {
        @Override
        Map<String, Object> defaultClaims(Binder configuration) {
            return Map.of("azp", AUTHORIZED_PARTY);
        }

        @Override
        void trust(TrustedIssuers issuers, String issuer, Binder configuration) {
            ClerkProperties own = bind(configuration, "rowguard.clerk", ClerkProperties.class, new ClerkProperties());
            issuers.clerk(clerk -> {
                clerk.setIssuer(issuer);
                clerk.setAuthorizedParties(List.of(AUTHORIZED_PARTY));
                clerk.setRolesClaim(own.getRolesClaim() != null ? own.getRolesClaim() : "metadata.roles");
            });
        }
    },

    SUPABASE("Supabase", "/auth/v1", "ES256") {
        @Override
        Map<String, Object> defaultClaims(Binder configuration) {
            SupabaseProperties own = bind(configuration, "rowguard.supabase", SupabaseProperties.class,
                    new SupabaseProperties());
            String audience = own.getAudiences().isEmpty() ? "authenticated" : own.getAudiences().get(0);
            return Map.of("aud", audience, "role", "authenticated");
        }

        @Override
        void trust(TrustedIssuers issuers, String issuer, Binder configuration) {
            SupabaseProperties own = bind(configuration, "rowguard.supabase", SupabaseProperties.class,
                    new SupabaseProperties());
            issuers.supabase(supabase -> {
                supabase.setIssuer(issuer);
                supabase.setAudiences(own.getAudiences());
                supabase.setRolesClaim(own.getRolesClaim());
            });
        }
    },

    OIDC("an OpenID Connect issuer", "", "RS256") {
        @Override
        Map<String, Object> defaultClaims(Binder configuration) {
            OidcProperties own = bind(configuration, "rowguard.oidc", OidcProperties.class, new OidcProperties());
            return own.getAudiences().isEmpty() ? Map.of() : Map.of("aud", own.getAudiences().get(0));
        }

        @Override
        void trust(TrustedIssuers issuers, String issuer, Binder configuration) {
            OidcProperties own = bind(configuration, "rowguard.oidc", OidcProperties.class, new OidcProperties());
            issuers.oidc(oidc -> {
                oidc.setIssuer(issuer);
                oidc.setAudiences(own.getAudiences());
                oidc.setRolesClaim(own.getRolesClaim());
            });
        }
    };

    /** The property that picks the provider; by default the application's own. */
    public static final String PROPERTY = "rowguard.devkit.provider";

    /** The origin Clerk names in {@code azp}: the dev issuer's tokens come from here. */
    static final String AUTHORIZED_PARTY = "http://localhost";

    private final String displayName;

    private final String path;

    private final String algorithm;

    DevProvider(String displayName, String path, String algorithm) {
        this.displayName = displayName;
        this.path = path;
        this.algorithm = algorithm;
    }

    /**
     * The provider named by {@value #PROPERTY}, else the first of the application's own
     * provider blocks (Clerk, Supabase, OIDC), else Clerk.
     */
    public static DevProvider chosen(Environment environment) {
        String named = environment.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            for (DevProvider provider : values()) {
                if (provider.id().equals(named.trim().toLowerCase(Locale.ROOT))) {
                    return provider;
                }
            }
            throw new IllegalStateException(PROPERTY + " is '" + named + "'; it must be one of clerk, supabase, oidc");
        }
        Binder configuration = Binder.get(environment);
        for (DevProvider provider : values()) {
            if (configuration.bind(provider.prefix(), Bindable.mapOf(String.class, Object.class)).isBound()) {
                return provider;
            }
        }
        return CLERK;
    }

    /** The issuer's path below its origin ({@code /auth/v1} for Supabase). */
    String path() {
        return path;
    }

    /** The JWS algorithm the provider signs with. */
    String algorithm() {
        return algorithm;
    }

    /** The provider as the log names it. */
    public String displayName() {
        return displayName;
    }

    /** {@code clerk}, {@code supabase} or {@code oidc}, as in the property names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String prefix() {
        return "rowguard." + id();
    }

    abstract Map<String, Object> defaultClaims(Binder configuration);

    abstract void trust(TrustedIssuers issuers, String issuer, Binder configuration);

    private static <T> T bind(Binder configuration, String prefix, Class<T> type, T otherwise) {
        return configuration.bind(prefix, Bindable.of(type)).orElse(otherwise);
    }

}
