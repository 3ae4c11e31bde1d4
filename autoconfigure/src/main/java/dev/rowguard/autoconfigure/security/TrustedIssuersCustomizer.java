package dev.rowguard.autoconfigure.security;

/**
 * Adds issuers to those Rowguard trusts besides the provider blocks of the configuration
 * ({@code rowguard.clerk}, {@code rowguard.supabase}, {@code rowguard.oidc}), e.g. a
 * second Clerk instance or a local issuer for development. Every bean of this type is
 * called once, in order, while the token verification is set up; an issuer it adds is
 * verified exactly as a provider block with the same settings would be.
 *
 * @see TrustedIssuers
 */
@FunctionalInterface
public interface TrustedIssuersCustomizer {

    /**
     * Adds issuers.
     * @param issuers the issuers trusted so far: those of the provider blocks, then those
     * added by earlier customizers
     */
    void customize(TrustedIssuers issuers);

}
