package dev.rowguard.autoconfigure.jpa;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Installs {@link SessionClaimsJpaDialect} on every JPA entity manager factory bean when
 * session claims are on. (Rowguard chooses a session's filters when the session first
 * reads, not when Spring creates its entity manager.)
 */
final class SessionClaimsDialectPostProcessor implements BeanPostProcessor {

    private final boolean sessionClaims;

    SessionClaimsDialectPostProcessor(boolean sessionClaims) {
        this.sessionClaims = sessionClaims;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (sessionClaims && bean instanceof AbstractEntityManagerFactoryBean factory) {
            factory.setJpaDialect(new SessionClaimsJpaDialect());
        }
        return bean;
    }

}
