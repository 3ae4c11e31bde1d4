package dev.rowguard.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.rowguard.auth.internal.TrustedIssuer;

/**
 * The issuers whose tokens Rowguard accepts, as handed to each
 * {@link TrustedIssuersCustomizer}. Each method adds one issuer described by the same
 * settings as its provider block, checked the same way (an invalid setting fails start-up
 * naming the property it corresponds to). Every issuer must be distinct: the same
 * {@code iss} trusted twice fails start-up.
 */
public final class TrustedIssuers {

    private final TrustedIssuerFactory factory;

    private final List<TrustedIssuer> issuers = new ArrayList<>();

    TrustedIssuers(TrustedIssuerFactory factory) {
        this.factory = factory;
    }

    /**
     * Trusts a Clerk instance.
     * @param settings sets the instance's properties, as under {@code rowguard.clerk}
     * @return this
     */
    public TrustedIssuers clerk(Consumer<ClerkProperties> settings) {
        ClerkProperties clerk = new ClerkProperties();
        settings.accept(clerk);
        issuers.addAll(factory.clerk(clerk));
        return this;
    }

    /**
     * Trusts a Supabase project.
     * @param settings sets the project's properties, as under {@code rowguard.supabase}
     * @return this
     */
    public TrustedIssuers supabase(Consumer<SupabaseProperties> settings) {
        SupabaseProperties supabase = new SupabaseProperties();
        settings.accept(supabase);
        issuers.addAll(factory.supabase(supabase));
        return this;
    }

    /**
     * Trusts an OpenID Connect issuer.
     * @param settings sets the issuer's properties, as under {@code rowguard.oidc}
     * @return this
     */
    public TrustedIssuers oidc(Consumer<OidcProperties> settings) {
        OidcProperties oidc = new OidcProperties();
        settings.accept(oidc);
        issuers.addAll(factory.oidc(oidc));
        return this;
    }

    /**
     * The {@code iss} values trusted so far, in the order they were added.
     * @return the issuer identifiers
     */
    public List<String> issuers() {
        return issuers.stream().map(TrustedIssuer::issuer).toList();
    }

    void addAll(List<TrustedIssuer> more) {
        issuers.addAll(more);
    }

    List<TrustedIssuer> all() {
        return List.copyOf(issuers);
    }

}
