package dev.rowguard.autoconfigure.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How verified tokens become {@code auth()} and how keys are fetched
 * ({@code rowguard.auth.*}).
 */
@ConfigurationProperties("rowguard.auth")
public class RowguardAuthProperties {

    /**
     * Extra members of {@code auth()}: member name to a dotted claim path, e.g.
     * {@code region: metadata.region}. The value keeps the token's type (number, string,
     * boolean, list); a missing claim gives null.
     */
    private Map<String, String> attributes = new LinkedHashMap<>();

    /** The tolerance on {@code exp} and {@code nbf} for clocks that disagree. */
    private Duration clockSkew = Duration.ofSeconds(5);

    /**
     * The largest bearer token accepted; larger ones are rejected (401) before they are
     * parsed. Note that the servlet container's own header limit
     * ({@code server.max-http-request-header-size}, 8KB by default) applies first.
     */
    private DataSize maxTokenSize = DataSize.ofKilobytes(8);

    /** Fetching and caching the providers' signing keys. */
    private final Jwks jwks = new Jwks();

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public DataSize getMaxTokenSize() {
        return maxTokenSize;
    }

    public void setMaxTokenSize(DataSize maxTokenSize) {
        this.maxTokenSize = maxTokenSize;
    }

    public Jwks getJwks() {
        return jwks;
    }

    /** Fetching and caching a provider's JWKS. */
    public static class Jwks {

        /** How long fetched keys are used before they are fetched again. */
        private Duration cacheTtl = Duration.ofMinutes(5);

        /**
         * The least time between two fetches of one provider's JWKS, whatever triggers
         * them (an unknown {@code kid}, an expired cache): a flood of tokens with unknown
         * keys causes at most one fetch per interval. Also the {@code Retry-After} of a
         * 503.
         */
        private Duration refetchInterval = Duration.ofSeconds(30);

        /**
         * How long cached keys keep verifying tokens, counted from their fetch, while the
         * JWKS cannot be fetched.
         */
        private Duration outageTolerance = Duration.ofHours(1);

        /** Connect timeout of a JWKS or discovery request. */
        private Duration connectTimeout = Duration.ofSeconds(2);

        /** Read timeout of a JWKS or discovery request. */
        private Duration readTimeout = Duration.ofSeconds(2);

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getRefetchInterval() {
            return refetchInterval;
        }

        public void setRefetchInterval(Duration refetchInterval) {
            this.refetchInterval = refetchInterval;
        }

        public Duration getOutageTolerance() {
            return outageTolerance;
        }

        public void setOutageTolerance(Duration outageTolerance) {
            this.outageTolerance = outageTolerance;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

    }

}
