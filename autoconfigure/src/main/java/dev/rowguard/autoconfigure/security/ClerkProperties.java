package dev.rowguard.autoconfigure.security;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Clerk session tokens ({@code rowguard.clerk.*}); the presence of the block turns Clerk
 * on. Tokens must be RS256.
 */
@ConfigurationProperties("rowguard.clerk")
public class ClerkProperties {

    /**
     * The Frontend API URL, which Clerk puts in {@code iss}, e.g.
     * {@code https://your-app.clerk.accounts.dev} or {@code https://clerk.example.com}.
     * Either this or {@code publishable-key}; when both are set they must agree.
     */
    private @Nullable String issuer;

    /**
     * The publishable key ({@code pk_test_...} or {@code pk_live_...}); it encodes the
     * Frontend API host, from which the issuer is derived.
     */
    private @Nullable String publishableKey;

    /** The JWKS URL; by default {@code <issuer>/.well-known/jwks.json}. */
    private @Nullable String jwkSetUri;

    /**
     * The origins allowed in {@code azp} (e.g. {@code https://app.example.com}). A token
     * without {@code azp} is accepted. When empty any origin is accepted and a warning is
     * logged at start-up.
     */
    private List<String> authorizedParties = new ArrayList<>();

    /**
     * Whether sessions with {@code sts: pending} (a task such as choosing an organization
     * is still open) are accepted; by default they are rejected.
     */
    private boolean acceptPendingSessions;

    /**
     * A claim path holding the user's roles (a string or a list), e.g.
     * {@code metadata.roles} after adding {@code "metadata": "{{user.public_metadata}}"}
     * to the session token. None by default.
     */
    private @Nullable String rolesClaim;

    public @Nullable String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    public @Nullable String getPublishableKey() {
        return publishableKey;
    }

    public void setPublishableKey(@Nullable String publishableKey) {
        this.publishableKey = publishableKey;
    }

    public @Nullable String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(@Nullable String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public List<String> getAuthorizedParties() {
        return authorizedParties;
    }

    public void setAuthorizedParties(List<String> authorizedParties) {
        this.authorizedParties = authorizedParties;
    }

    public boolean isAcceptPendingSessions() {
        return acceptPendingSessions;
    }

    public void setAcceptPendingSessions(boolean acceptPendingSessions) {
        this.acceptPendingSessions = acceptPendingSessions;
    }

    public @Nullable String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(@Nullable String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

}
