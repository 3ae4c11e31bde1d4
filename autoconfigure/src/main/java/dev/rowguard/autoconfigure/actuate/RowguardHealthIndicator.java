package dev.rowguard.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;

import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.auth.internal.TrustedIssuer;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN, naming the issuers, while an issuer's keys cannot be fetched and the keys cached
 * are past the outage tolerance (its tokens cannot be verified); UP otherwise, also
 * before any key was needed (nothing is fetched at start-up).
 */
public class RowguardHealthIndicator extends AbstractHealthIndicator {

    private final RowguardJwtAuthentication authentication;

    public RowguardHealthIndicator(RowguardJwtAuthentication authentication) {
        super("Rowguard health check failed");
        this.authentication = authentication;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> unavailable = new ArrayList<>();
        for (TrustedIssuer issuer : authentication.trustedIssuers().values()) {
            if (issuer.keys() != null && issuer.keys().status().unavailable()) {
                unavailable.add(issuer.issuer());
            }
        }
        if (unavailable.isEmpty()) {
            builder.up().withDetail("issuers", authentication.trustedIssuers().size());
        }
        else {
            builder.down().withDetail("keysUnavailable", unavailable);
        }
    }

}
