package dev.rowguard.autoconfigure.security;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when at least one of {@code rowguard.clerk}, {@code rowguard.supabase},
 * {@code rowguard.oidc} is configured, and also when none is and the application signs
 * nobody in its own way: no Spring Boot sign-in properties (resource server, OAuth2
 * login, SAML, a {@code spring.security.user}) and no sign-in beans of its own (a user
 * store, an authentication manager or provider, a JWT decoder, a token introspector, a
 * SAML registration, a filter chain). Then Rowguard's chain applies (anonymous requests
 * pass and the policies decide; every bearer token is refused, no issuer being trusted)
 * instead of Boot's fallback, which would ask every request for a generated password. An
 * application that signs people in its own way keeps it.
 */
final class OnIdentityProviderCondition extends SpringBootCondition {

    static final String[] BOOTS_OWN = { "spring.security.oauth2.resourceserver", "spring.security.oauth2.client",
            "spring.security.saml2", "spring.security.user" };

    static final String[] SIGN_IN_BEANS = { "org.springframework.security.core.userdetails.UserDetailsService",
            "org.springframework.security.authentication.AuthenticationManager",
            "org.springframework.security.authentication.AuthenticationProvider",
            "org.springframework.security.authentication.AuthenticationManagerResolver",
            "org.springframework.security.oauth2.jwt.JwtDecoder",
            "org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector",
            "org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository",
            "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
            "org.springframework.security.web.SecurityFilterChain" };

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
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        for (String type : SIGN_IN_BEANS) {
            if (beans != null && ClassUtils.isPresent(type, context.getClassLoader())
                    && beans.getBeanNamesForType(ClassUtils.resolveClassName(type, context.getClassLoader()), true,
                            false).length > 0) {
                return ConditionOutcome.noMatch("no Rowguard provider block, and the application declares a "
                        + ClassUtils.getShortName(type) + ": its own sign-in applies");
            }
        }
        return ConditionOutcome
            .match("no identity provider and no sign-in of the application's own: anonymous callers only");
    }

}
