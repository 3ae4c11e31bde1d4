package dev.rowguard.autoconfigure.security;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Any other OpenID Connect issuer ({@code rowguard.oidc.*}); the presence of the block
 * turns it on.
 */
@ConfigurationProperties("rowguard.oidc")
public class OidcProperties {

    /** The issuer, exactly as in {@code iss}, e.g. {@code https://login.example.com}. */
    private @Nullable String issuer;

    /**
     * The JWKS URL. When unset it is read from
     * {@code <issuer>/.well-known/openid-configuration} the first time a token arrives
     * (never at start-up).
     */
    private @Nullable String jwkSetUri;

    /** The {@code aud} values accepted; when empty, {@code aud} is not checked. */
    private List<String> audiences = new ArrayList<>();

    /** The asymmetric algorithms accepted from the JWKS. */
    private List<String> jwsAlgorithms = new ArrayList<>(List.of("RS256", "ES256"));

    /** A claim path holding the user's roles (a string or a list). */
    private @Nullable String rolesClaim = "roles";

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
