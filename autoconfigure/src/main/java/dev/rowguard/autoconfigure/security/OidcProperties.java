package dev.rowguard.autoconfigure.security;

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
    private String issuer;

    /**
     * The JWKS URL. When unset it is read from
     * {@code <issuer>/.well-known/openid-configuration} the first time a token arrives
     * (never at start-up).
     */
    private String jwkSetUri;

    /** The {@code aud} values accepted; when empty, {@code aud} is not checked. */
    private List<String> audiences = new ArrayList<>();

    /** The asymmetric algorithms accepted from the JWKS. */
    private List<String> jwsAlgorithms = new ArrayList<>(List.of("RS256", "ES256"));

    /** A claim path holding the user's roles (a string or a list). */
    private String rolesClaim = "roles";

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
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

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

}
