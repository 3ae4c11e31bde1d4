package dev.rowguard.autoconfigure.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one of {@code rowguard.clerk}, {@code rowguard.supabase},
 * {@code rowguard.oidc} is configured.
 */
final class OnIdentityProviderCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (String prefix : ProviderBlocks.ALL) {
            if (ProviderBlocks.present(context.getEnvironment(), prefix)) {
                return ConditionOutcome.match("found " + prefix + " configuration");
            }
        }
        return ConditionOutcome.noMatch("no rowguard.clerk, rowguard.supabase or rowguard.oidc configuration");
    }

}
