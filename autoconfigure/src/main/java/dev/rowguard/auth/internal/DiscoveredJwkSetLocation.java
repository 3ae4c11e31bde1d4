package dev.rowguard.auth.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jwks_uri} of an OpenID provider, read from
 * {@code <issuer>/.well-known/openid-configuration} the first time a key is needed (never
 * at start-up), and remembered once found. The document must name the configured issuer.
 */
public final class DiscoveredJwkSetLocation implements JwkSetLocation {

    private final String issuer;

    private final ResourceRetriever retriever;

    private volatile @Nullable URL discovered;

    public DiscoveredJwkSetLocation(String issuer, ResourceRetriever retriever) {
        this.issuer = issuer;
        this.retriever = retriever;
    }

    @Override
    public URL resolve() throws IOException {
        URL url = discovered;
        if (url == null) {
            url = discover();
            discovered = url;
        }
        return url;
    }

    @Override
    public String describe() {
        URL known = discovered;
        return known != null ? known.toString() : "discovered from " + issuer + "/.well-known/openid-configuration";
    }

    private URL discover() throws IOException {
        URL configuration = toUrl(withoutTrailingSlash(issuer) + "/.well-known/openid-configuration");
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(retriever.retrieveResource(configuration).getContent());
        }
        catch (ParseException ex) {
            throw new IOException("The OpenID configuration of " + issuer + " is not JSON", ex);
        }
        if (!issuer.equals(document.get("issuer"))) {
            throw new IOException("The OpenID configuration at " + configuration + " names another issuer");
        }
        if (!(document.get("jwks_uri") instanceof String jwksUri)) {
            throw new IOException("The OpenID configuration at " + configuration + " has no jwks_uri");
        }
        return toUrl(jwksUri);
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static URL toUrl(String value) throws IOException {
        try {
            return URI.create(value).toURL();
        }
        catch (IllegalArgumentException | MalformedURLException ex) {
            throw new IOException("Not a URL: " + value, ex);
        }
    }

}
