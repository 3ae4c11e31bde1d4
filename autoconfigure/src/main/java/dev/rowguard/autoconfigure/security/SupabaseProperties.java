package dev.rowguard.autoconfigure.security;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Supabase Auth access tokens ({@code rowguard.supabase.*}); the presence of the block
 * turns Supabase on.
 */
@ConfigurationProperties("rowguard.supabase")
public class SupabaseProperties {

    /**
     * The project URL, e.g. {@code https://abcd.supabase.co}; the issuer is
     * {@code <url>/auth/v1}.
     */
    private @Nullable String url;

    /**
     * The issuer, when the project URL is not enough (e.g. a custom domain); if
     * {@code url} is set too, it must equal {@code <url>/auth/v1}.
     */
    private @Nullable String issuer;

    /** The JWKS URL; by default {@code <issuer>/.well-known/jwks.json}. */
    private @Nullable String jwkSetUri;

    /**
     * The legacy JWT secret of projects that still sign with HS256. Only when it is set
     * is HS256 accepted, and Supabase's legacy anon key ({@code iss: supabase}) then
     * means anonymous.
     */
    private @Nullable String jwtSecret;

    /** The {@code aud} values accepted; a token must carry at least one. */
    private List<String> audiences = new ArrayList<>(List.of("authenticated"));

    /** The asymmetric algorithms accepted from the JWKS. */
    private List<String> jwsAlgorithms = new ArrayList<>(List.of("ES256", "RS256"));

    /**
     * A claim path holding extra roles, besides the {@code role} claim. Set by the
     * service (e.g. from the custom access token hook); never point it into
     * {@code user_metadata}, which users can edit.
     */
    private @Nullable String rolesClaim = "app_metadata.roles";

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    public @Nullable String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(@Nullable String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public @Nullable String getJwtSecret() {
        return jwtSecret;
    }

    public void setJwtSecret(@Nullable String jwtSecret) {
        this.jwtSecret = jwtSecret;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public List<String> getJwsAlgorithms() {
        return jwsAlgorithms;
    }

    public void setJwsAlgorithms(List<String> jwsAlgorithms) {
        this.jwsAlgorithms = jwsAlgorithms;
    }

    public @Nullable String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(@Nullable String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

}
