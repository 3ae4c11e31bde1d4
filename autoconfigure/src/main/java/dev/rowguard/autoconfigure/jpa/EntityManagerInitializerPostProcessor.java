package dev.rowguard.autoconfigure.jpa;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Installs {@link CurrentCallerEntityManagerInitializer} on every JPA entity manager
 * factory bean, and {@link SessionClaimsJpaDialect} when session claims are on.
 */
final class EntityManagerInitializerPostProcessor implements BeanPostProcessor {

    private final boolean sessionClaims;

    EntityManagerInitializerPostProcessor(boolean sessionClaims) {
        this.sessionClaims = sessionClaims;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractEntityManagerFactoryBean factory) {
            factory.setEntityManagerInitializer(new CurrentCallerEntityManagerInitializer());
            if (sessionClaims) {
                factory.setJpaDialect(new SessionClaimsJpaDialect());
            }
        }
        return bean;
    }

}
