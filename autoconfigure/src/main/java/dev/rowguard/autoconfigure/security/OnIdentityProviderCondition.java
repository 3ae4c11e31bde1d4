package dev.rowguard.autoconfigure.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one of {@code rowguard.clerk}, {@code rowguard.supabase},
 * {@code rowguard.oidc} is configured, and also when none is and the application has not
 * configured Spring Boot's own resource server or OAuth2 login either: then Rowguard's
 * chain still applies (anonymous requests pass and the policies decide; every bearer
 * token is refused, no issuer being trusted) instead of Boot's fallback, which would ask
 * every request for a password.
 */
final class OnIdentityProviderCondition extends SpringBootCondition {

    static final String[] BOOTS_OWN = { "spring.security.oauth2.resourceserver", "spring.security.oauth2.client" };

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (String prefix : ProviderBlocks.ALL) {
            if (ProviderBlocks.present(context.getEnvironment(), prefix)) {
                return ConditionOutcome.match("found " + prefix + " configuration");
            }
        }
        for (String prefix : BOOTS_OWN) {
            if (ProviderBlocks.present(context.getEnvironment(), prefix)) {
                return ConditionOutcome.noMatch("no Rowguard provider block, and Spring Boot's " + prefix
                        + " is configured: the application's own sign-in applies");
            }
        }
        return ConditionOutcome.match("no identity provider configured: anonymous callers only");
    }

}
