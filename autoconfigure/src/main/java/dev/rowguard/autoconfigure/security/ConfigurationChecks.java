package dev.rowguard.autoconfigure.security;

import org.jspecify.annotations.Nullable;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Start-up checks of provider settings; each failure names the property. */
final class ConfigurationChecks {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.PS256,
            JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private ConfigurationChecks() {
    }

    static String required(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(property, value, "A value is required.");
        }
        return value.trim();
    }

    /**
     * An absolute https URL; http only towards localhost or 127.0.0.1 (local development
     * and tests).
     */
    static String secureUrl(String property, @Nullable String value) {
        String text = required(property, value);
        URI uri;
        try {
            uri = URI.create(text);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException(property, value, "It is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidConfigurationPropertyValueException(property, value, "It must be an absolute https URL.");
        }
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            throw new InvalidConfigurationPropertyValueException(property, value,
                    "It must use https; http is allowed only for localhost and 127.0.0.1.");
        }
        return text;
    }

    static Set<JWSAlgorithm> asymmetricAlgorithms(String property, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(property, names,
                    "At least one algorithm is required.");
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            JWSAlgorithm algorithm = name == null ? null : JWSAlgorithm.parse(name.trim().toUpperCase(Locale.ROOT));
            if (algorithm != null && JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                throw new InvalidConfigurationPropertyValueException(property, name,
                        "HMAC algorithms need a shared secret; only rowguard.supabase.jwt-secret enables HS256.");
            }
            if (algorithm == null || !ASYMMETRIC.contains(algorithm)) {
                throw new InvalidConfigurationPropertyValueException(property, name,
                        "Unknown or unsupported JWS algorithm; use RS256, RS384, RS512, ES256, ES384, ES512, "
                                + "PS256, PS384 or PS512.");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
