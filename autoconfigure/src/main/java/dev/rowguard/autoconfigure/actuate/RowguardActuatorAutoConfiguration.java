package dev.rowguard.autoconfigure.actuate;

import java.util.List;
import java.util.Objects;

import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.autoconfigure.jpa.RowguardJpaAutoConfiguration;
import dev.rowguard.autoconfigure.jpa.RowguardPolicyProperties;
import dev.rowguard.autoconfigure.security.RowguardSecurityAutoConfiguration;
import dev.rowguard.hibernate.internal.PolicyRuntime;
import dev.rowguard.hibernate.internal.PolicyRuntimes;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rowguard in Spring Boot Actuator, when the application has it: the {@code rowguard}
 * endpoint, the {@code rowguard} health contributor (with token verification) and the
 * {@code rowguard.denials} / {@code rowguard.tokens.rejected} counters (with Micrometer).
 * Nothing is computed unless asked for: the counters count on the paths that deny anyway.
 */
@AutoConfiguration(after = { HibernateJpaAutoConfiguration.class, RowguardJpaAutoConfiguration.class,
        RowguardSecurityAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, SessionFactoryImplementor.class })
@EnableConfigurationProperties(RowguardActuatorProperties.class)
public final class RowguardActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(RowguardPolicyProperties.class)
    RowguardEndpoint rowguardEndpoint(ObjectProvider<EntityManagerFactory> entityManagerFactories,
            ObjectProvider<RowguardJwtAuthentication> authentication, RowguardPolicyProperties policy,
            RowguardActuatorProperties properties) {
        return new RowguardEndpoint(runtimes(entityManagerFactories), authentication.getIfAvailable(), policy,
                properties.isShowSql());
    }

    static List<PolicyRuntime> runtimes(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        return entityManagerFactories.orderedStream()
            .map(factory -> PolicyRuntimes.of(factory.unwrap(SessionFactoryImplementor.class)))
            .filter(Objects::nonNull)
            .toList();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(RowguardJwtAuthentication.class)
    @ConditionalOnEnabledHealthIndicator("rowguard")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "rowguardHealthIndicator")
        RowguardHealthIndicator rowguardHealthIndicator(RowguardJwtAuthentication authentication) {
            return new RowguardHealthIndicator(authentication);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RowguardMetrics rowguardMetrics(ObjectProvider<EntityManagerFactory> entityManagerFactories,
                ObjectProvider<RowguardJwtAuthentication> authentication) {
            return new RowguardMetrics(runtimes(entityManagerFactories), authentication.getIfAvailable());
        }

    }

}
