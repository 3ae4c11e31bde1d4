package dev.rowguard.autoconfigure.jpa;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import dev.rowguard.hibernate.internal.RowguardSettings;

import org.hibernate.SessionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Enforces entity policies through Hibernate: hands Rowguard's settings to Hibernate
 * (which compiles the policies into filters and write checks at start-up), lets a session
 * choose its caller's filters at its first read wherever Spring hands its EntityManager,
 * and keeps them right across {@code Rowguard.runAs}.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ SessionFactory.class, EntityManager.class })
@EnableConfigurationProperties({ RowguardPolicyProperties.class, RowguardPostgresProperties.class })
public final class RowguardJpaAutoConfiguration {

    @Bean
    HibernatePropertiesCustomizer rowguardHibernateProperties(RowguardPolicyProperties properties,
            RowguardPostgresProperties postgres, Environment environment) {
        Map<String, String> attributes = Binder.get(environment)
            .bind("rowguard.auth.attributes", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
        return hibernate -> {
            hibernate.put(RowguardSettings.ENABLED, String.valueOf(properties.isEnabled()));
            hibernate.put(RowguardSettings.UNANNOTATED, properties.getUnannotated().name().toLowerCase());
            hibernate.put(RowguardSettings.MAX_SHAPES, String.valueOf(properties.getMaxFilterShapes()));
            hibernate.put(RowguardSettings.HIDDEN_REFERENCES,
                    properties.getHiddenReferences().name().toLowerCase().replace('_', '-'));
            hibernate.put(RowguardSettings.AUTH_ATTRIBUTES, String.join(",", attributes.keySet()));
            hibernate.put(RowguardSettings.SESSION_CLAIMS, String.valueOf(postgres.isSessionClaims()));
        };
    }

    @Bean
    static SessionClaimsDialectPostProcessor rowguardSessionClaimsDialect(Environment environment) {
        return new SessionClaimsDialectPostProcessor(sessionClaims(environment));
    }

    @Bean
    ThreadBoundSessions rowguardThreadBoundSessions() {
        return new ThreadBoundSessions();
    }

    @Bean
    CallerSwitchSynchronizer rowguardCallerSwitchSynchronizer(RowguardPostgresProperties postgres) {
        return new CallerSwitchSynchronizer(postgres.isSessionClaims());
    }

    @Bean
    @ConditionalOnBooleanProperty("rowguard.postgres.session-claims")
    RowLevelSecurityBypassWarning rowguardRowLevelSecurityBypassWarning(ObjectProvider<DataSource> dataSource) {
        return new RowLevelSecurityBypassWarning(dataSource);
    }

    // Read from the environment: a static post-processor is created before properties
    // beans can be bound.
    private static boolean sessionClaims(Environment environment) {
        return Binder.get(environment).bind("rowguard.postgres.session-claims", Boolean.class).orElse(false);
    }

}
