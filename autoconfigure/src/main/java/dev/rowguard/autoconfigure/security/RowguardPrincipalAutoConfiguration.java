package dev.rowguard.autoconfigure.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipalResolver;
import dev.rowguard.auth.internal.AttributeClaimsMapper;
import dev.rowguard.auth.internal.DefaultAuthPrincipalResolver;
import dev.rowguard.auth.internal.PrincipalResolution;
import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.auth.internal.StandardClaimsMapper;
import dev.rowguard.auth.internal.TrustedIssuer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Makes every Spring Security authentication a Rowguard caller, whether or not a provider
 * block is configured: the {@link AuthPrincipalResolver} (the application's, or the
 * default, which maps tokens of the configured issuers through their provider's claim
 * mapping) is what the caller context asks for the principal of Spring Security's
 * context.
 */
@AutoConfiguration(after = RowguardSecurityAutoConfiguration.class)
@ConditionalOnClass({ Authentication.class, Jwt.class })
@EnableConfigurationProperties(RowguardAuthProperties.class)
public final class RowguardPrincipalAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuthPrincipalResolver rowguardAuthPrincipalResolver(ObjectProvider<RowguardJwtAuthentication> jwtAuthentication,
            RowguardAuthProperties auth, ObjectProvider<GrantedAuthorityDefaults> authorityDefaults) {
        Map<String, Converter<Jwt, ? extends AbstractAuthenticationToken>> converters = new LinkedHashMap<>();
        RowguardJwtAuthentication configured = jwtAuthentication.getIfUnique();
        if (configured != null) {
            for (TrustedIssuer issuer : configured.trustedIssuers().values()) {
                converters.put(issuer.issuer(), issuer.converter());
            }
        }
        return new DefaultAuthPrincipalResolver(converters,
                List.of(new StandardClaimsMapper(), new AttributeClaimsMapper(auth.getAttributes())),
                RolePrefix.of(authorityDefaults));
    }

    @Bean
    PrincipalResolutionInstaller rowguardPrincipalResolutionInstaller(AuthPrincipalResolver resolver) {
        return new PrincipalResolutionInstaller(resolver);
    }

    /**
     * Installs the resolver for the caller context while the application context runs.
     */
    static final class PrincipalResolutionInstaller implements InitializingBean, DisposableBean {

        private final AuthPrincipalResolver resolver;

        PrincipalResolutionInstaller(AuthPrincipalResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public void afterPropertiesSet() {
            PrincipalResolution.use(resolver);
        }

        @Override
        public void destroy() {
            PrincipalResolution.release(resolver);
        }

    }

}
