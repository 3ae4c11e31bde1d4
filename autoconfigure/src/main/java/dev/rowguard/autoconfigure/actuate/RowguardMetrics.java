package dev.rowguard.autoconfigure.actuate;

import java.util.List;

import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.hibernate.internal.PolicyRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Counters: {@code rowguard.denials} (tags {@code entity}, {@code operation},
 * {@code code}, {@code none} when the deciding rule has none) for every denied write, and
 * {@code rowguard.tokens.rejected} (tag {@code reason}) for every refused bearer token.
 */
public class RowguardMetrics implements MeterBinder {

    private final List<PolicyRuntime> runtimes;

    private final @Nullable RowguardJwtAuthentication authentication;

    public RowguardMetrics(List<PolicyRuntime> runtimes, @Nullable RowguardJwtAuthentication authentication) {
        this.runtimes = runtimes;
        this.authentication = authentication;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (PolicyRuntime runtime : runtimes) {
            runtime.addDenialListener(denial -> Counter.builder("rowguard.denials")
                .description("Writes denied by the policies")
                .tag("entity", denial.entity())
                .tag("operation", denial.operation().name())
                .tag("code", denial.code() == null ? "none" : denial.code())
                .register(registry)
                .increment());
        }
        if (authentication != null) {
            authentication.onTokenRejected(reason -> Counter.builder("rowguard.tokens.rejected")
                .description("Bearer tokens refused")
                .tag("reason", reason)
                .register(registry)
                .increment());
        }
    }

}
